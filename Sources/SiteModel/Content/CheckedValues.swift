import Foundation

/// Values that are text in YAML but must keep a rule. Each is decoded on its own node, so a wrong value is reported
/// at its own line and column, in plain words.

extension Decoder {
    /// One value of this node, which must keep a rule: when `keeps` says it does not, the value is refused at its own
    /// place with the words `wrong` gives for it. Every value with a rule (here, in review files, in guides) is
    /// decoded through this.
    public func checkedValue<Value: Decodable>(_ keeps: (Value) -> Bool, _ wrong: (Value) -> String) throws -> Value {
        let value = try singleValueContainer().decode(Value.self)
        guard keeps(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: wrong(value)))
        }
        return value
    }
}

/// Text that must have words in it: a title, a summary, a name.
public struct NonEmptyText: Decodable, Sendable {
    public let value: String

    public init(from decoder: Decoder) throws {
        value = try decoder.checkedValue({ !$0.unicodeScalars.allSatisfy(NonEmptyText.isSpaceOrNewline) }) { _ in
            "is empty. Write some words here."
        }
    }

    /// Whether `scalar` is in Foundation's `CharacterSet.whitespacesAndNewlines`: a space separator (Zs), a tab, a
    /// line break (U+000A to U+000D, U+0085, U+2028, U+2029), or the zero-width space U+200B, which Foundation still
    /// counts as a space. Text made only of these is empty. Asked of every title,
    /// summary and name, and stops at the first letter, where trimming with Foundation copied the whole text.
    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        case 0x85, 0x200B, 0x2028, 0x2029: return true
        default: return scalar.properties.generalCategory == .spaceSeparator
        }
    }
}

/// A web address on the open web: `https://` or `http://`, a host name with a dot, and no spaces.
public struct WebAddress: Decodable, Sendable {
    public let value: String

    public init(from decoder: Decoder) throws {
        value = try decoder.checkedValue(WebAddress.isValid) {
            "should be a web address that starts with https://, such as `https://breaks.example.org`, not `\($0)`."
        }
    }

    /// Whether `text` is a web address people can open: only `https:` or `http:`, a host with a dot in it, and
    /// nothing that would break out of an attribute or a sitemap (spaces, quotes, angle brackets, control characters).
    public static func isValid(_ text: String) -> Bool {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return isValid(ascii: Array(text.utf8)) }
        let lowered = text.lowercased()
        guard let schemeEnd = ["https://", "http://"].first(where: lowered.hasPrefix) else { return false }
        guard !text.unicodeScalars.contains(where: { $0.value <= 32 || $0.value == 127 || "\"'<>\\`{}|^".unicodeScalars.contains($0) })
        else { return false }
        let rest = text.dropFirst(schemeEnd.count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }.split(separator: "@").last ?? ""
        let name = host.split(separator: ":").first ?? ""
        return name.contains(".") && !name.hasPrefix(".") && !name.hasSuffix(".")
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
    }

    /// The same rules for text that is all ASCII, where each character is one byte: a service directory checks
    /// two addresses for each of 100,000 services.
    private static func isValid(ascii bytes: [UInt8]) -> Bool {
        func startsWith(_ scheme: String) -> Bool {
            bytes.count >= scheme.utf8.count && zip(bytes, scheme.utf8).allSatisfy { byte, expected in
                (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 == expected : byte == expected
            }
        }
        guard let schemeEnd = ["https://", "http://"].first(where: startsWith)?.utf8.count else { return false }
        let refused = Array("\"'<>\\`{}|^".utf8)
        guard !bytes.contains(where: { $0 <= 32 || $0 == 127 || refused.contains($0) }) else { return false }
        let rest = bytes[schemeEnd...]
        let host = rest.prefix { $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "?") && $0 != UInt8(ascii: "#") }
            .split(separator: UInt8(ascii: "@")).last ?? []
        let name = host.split(separator: UInt8(ascii: ":")).first ?? []
        let dot = UInt8(ascii: ".")
        return name.contains(dot) && name.first != dot && name.last != dot && name.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == dot
        }
    }
}

/// A limit in `checks:`, such as the most words in a sentence: a whole number, 0 or more.
public struct Limit: Decodable, Sendable {
    public let value: Int

    public init(from decoder: Decoder) throws {
        value = try decoder.checkedValue({ $0 >= 0 }) { "is a limit, so it can't be below zero, like `\($0)`." }
    }
}

/// A file or folder in the output folder that builds keep: relative, inside the output folder.
public struct KeptPath: Decodable, Sendable {
    public let value: String

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        let parts = text.split(separator: "/", omittingEmptySubsequences: true)
        guard !text.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") && !parts.contains("."),
              !text.unicodeScalars.contains(where: { $0.value < 32 }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "should name a file or folder inside the output folder, such as `CNAME` or `downloads/`, not `\(text)`."))
        }
        value = parts.joined(separator: "/") + (text.hasSuffix("/") ? "/" : "")
    }
}

/// A folder named relative to another, such as `theme: Themes/mine` relative to the folder the content is in.
public struct RelativeFolder: Decodable, Sendable {
    public let value: String

    public init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
        if value.hasPrefix("/") || value.hasPrefix("~") || value.trimmingCharacters(in: .whitespaces).isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "should be a folder relative to the folder the content folder is in, such as `Themes/mine`, not `\(value)`. To use a theme from elsewhere, give it with --theme."))
        }
    }
}

/// `print_page_size:` in site.yml: the paper pages print on, as CSS's `@page { size }` names it. A4 unless a council
/// needs another.
public enum PrintPageSize: String, Codable, Sendable, CaseIterable {
    case a3 = "A3", a4 = "A4", a5 = "A5", letter, legal

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let size = PrintPageSize.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "should be one of \(PrintPageSize.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", ")), not `\(text)`."))
        }
        self = size
    }
}

/// Words as a CSS string, such as the page title printed at the top of every sheet (`@page`'s margin boxes): quoted,
/// with quotes, backslashes, angle brackets, ampersands and control characters written as CSS escapes, so the words
/// can end neither the string nor the style sheet. Templates take it as it is (`{{{printTitle}}}`).
public enum CSSString {
    public static func quoted(_ text: String) -> String {
        var css = "\""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F || "\"\\<>&".unicodeScalars.contains(scalar) {
                css += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            } else {
                css.unicodeScalars.append(scalar)
            }
        }
        return css + "\""
    }
}
