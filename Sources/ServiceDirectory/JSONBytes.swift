import SiteModel

/// Writes JSON straight into UTF-8 bytes. The directory writes tens of megabytes of JSON at 10,000 services; building
/// it a Unicode scalar at a time in a `String`, or with `JSONEncoder`, took seconds. The output is byte for byte what
/// `JSONValue.serialized(indent:)` and `JSONEncoder` (with `.sortedKeys` and `.withoutEscapingSlashes`) give, so
/// the files do not change.
public struct JSONBytes {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    public mutating func append(_ more: [UInt8]) { bytes.append(contentsOf: more) }

    public mutating func integer(_ number: Int) { bytes.append(contentsOf: String(number).utf8) }

    public mutating func bool(_ flag: Bool) { flag ? raw("true") : raw("false") }

    // MARK: JSONValue

    /// A `JSONValue`, as `JSONValue.serialized(indent:)` writes it: strings safe inside an HTML `<script>` element.
    public mutating func value(_ value: JSONValue, indent: Int = 0, level: Int = 0) {
        switch value {
        case .string(let text): safeString(text)
        case .number(let number):
            if number.isFinite, number == number.rounded(), abs(number) < 1e15 {
                integer(Int(number))
            } else {
                raw(number.isFinite ? "\(number)" : "null")
            }
        case .integer(let number): integer(number)
        case .bool(let flag): bool(flag)
        case .null: raw("null")
        case .array(let items):
            guard !items.isEmpty else { raw("[]"); return }
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent, level + 1)
                self.value(item, indent: indent, level: level + 1)
            }
            newline(indent, level)
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { raw("{}"); return }
            bytes.append(UInt8(ascii: "{"))
            for (index, (key, item)) in pairs.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(indent, level + 1)
                safeString(key)
                indent > 0 ? raw(": ") : raw(":")
                self.value(item, indent: indent, level: level + 1)
            }
            newline(indent, level)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ indent: Int, _ level: Int) {
        guard indent > 0 else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// A string as `JSONValue` writes it: `<`, `>` and `&` escaped too, and the line and paragraph separators
    /// (U+2028, U+2029), which end a line in older JavaScript.
    mutating func safeString(_ text: String) {
        escaped(text, Self.safeEscapes, separators: true)
    }

    // MARK: JSONEncoder's strings

    /// A string as `JSONEncoder` writes it with `.withoutEscapingSlashes`: quotes, backslashes and control
    /// characters escaped, everything else as it is.
    public mutating func string(_ text: String) {
        escaped(text, Self.encoderEscapes, separators: false)
    }

    /// What each ASCII byte becomes in `safeString`, or nil when it is written as it is.
    private static let safeEscapes: [[UInt8]?] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "\""): Array("\\\"".utf8)
        case UInt8(ascii: "\\"): Array("\\\\".utf8)
        case UInt8(ascii: "\n"): Array("\\n".utf8)
        case UInt8(ascii: "\r"): Array("\\r".utf8)
        case UInt8(ascii: "\t"): Array("\\t".utf8)
        case UInt8(ascii: "<"): Array("\\u003c".utf8)
        case UInt8(ascii: ">"): Array("\\u003e".utf8)
        case UInt8(ascii: "&"): Array("\\u0026".utf8)
        case 0..<0x20: unicodeEscape(UInt8(byte))
        default: nil
        }
    }

    /// What each ASCII byte becomes in `string`, or nil when it is written as it is.
    private static let encoderEscapes: [[UInt8]?] = (0..<128).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "\""): Array("\\\"".utf8)
        case UInt8(ascii: "\\"): Array("\\\\".utf8)
        case 0x08: Array("\\b".utf8)
        case 0x0C: Array("\\f".utf8)
        case UInt8(ascii: "\n"): Array("\\n".utf8)
        case UInt8(ascii: "\r"): Array("\\r".utf8)
        case UInt8(ascii: "\t"): Array("\\t".utf8)
        case 0..<0x20: unicodeEscape(UInt8(byte))
        default: nil
        }
    }

    /// `text` in quotes with the bytes `escapes` names replaced, and U+2028 and U+2029 too when `separators` is set.
    /// Runs of bytes that need nothing are copied at once: most text needs nothing at all.
    private mutating func escaped(_ text: String, _ escapes: [[UInt8]?], separators: Bool) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0, index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if byte < 128 {
                    guard let replacement = escapes[Int(byte)] else { index += 1; continue }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    bytes.append(contentsOf: replacement)
                    index += 1
                    start = index
                } else if separators, byte == 0xE2, index + 2 < utf8.count, utf8[index + 1] == 0x80,
                          utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9 {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                    raw(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                    index += 3
                    start = index
                } else {
                    index += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// `["a","b"]`, with `JSONEncoder`'s strings.
    public mutating func strings(_ items: [String]) { list(items) { $0.string($1) } }

    /// `[…]`: each item as `write` puts it, with commas between.
    public mutating func list<Items: Sequence>(_ items: Items, _ write: (inout JSONBytes, Items.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for item in items {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            write(&self, item)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// `\u001f`: four lowercase hex digits, as both writers give.
    private static func unicodeEscape(_ byte: UInt8) -> [UInt8] {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        return Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
    }
}

extension JSONValue {
    /// The same text as `serialized(indent:)`, as UTF-8 bytes, written much faster.
    public func bytes(indent: Int = 0) -> [UInt8] {
        var writer = JSONBytes()
        writer.value(self, indent: indent)
        return writer.bytes
    }
}
