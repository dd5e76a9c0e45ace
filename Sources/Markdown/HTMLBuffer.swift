#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes `HTMLWriter` writes, with cmark's rules for escaping text and link targets.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(8192) }

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Text made on the spot, such as a list's start number. Named apart from `append(_: StaticString)` so that
    /// literals, which Swift would otherwise take as `String`, are written without making a string.
    mutating func appendText(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A line break unless the output is empty or already ends with one, as cmark's `cr`.
    mutating func cr() {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }

    /// Text written as it is: only markup that the program made, never content.
    mutating func raw(_ chars: UnsafePointer<CChar>?) {
        guard let chars else { return }
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: chars, count: strlen(chars)))
    }

    /// Text with `&`, `<`, `>` and `"` escaped, as cmark's `escape_html` outside its secure mode.
    mutating func escaped(_ chars: UnsafePointer<CChar>?) {
        guard let chars else { return }
        let count = strlen(chars)
        chars.withMemoryRebound(to: UInt8.self, capacity: count) {
            escaped(UnsafeBufferPointer(start: $0, count: count))
        }
    }

    /// Swift text, escaped as `escaped(_:)` escapes a C string.
    mutating func escaped<Text: StringProtocol>(text: Text) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { escaped(UnsafeBufferPointer($0)) }
    }

    /// A link target written as `href(_:)` writes it, or nothing when it would run code (`isDangerous`).
    mutating func safeHref(_ url: String) {
        var url = url
        url.withUTF8 { bytes in
            if !Self.isDangerous(bytes) { href(bytes) }
        }
    }

    mutating func escaped(_ text: UnsafeBufferPointer<UInt8>) {
        var start = 0
        for (index, byte) in text.enumerated() {
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<index]))
            append(replacement)
            start = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[start...]))
    }

    /// A link target as cmark's `houdini_escape_href` writes it: safe characters as they are, `&` and `'` as
    /// entities, everything else as `%XX`.
    mutating func href(_ url: UnsafeBufferPointer<UInt8>) {
        let hex: StaticString = "0123456789ABCDEF"
        for byte in url {
            if Self.hrefSafe[Int(byte)] {
                bytes.append(byte)
            } else if byte == UInt8(ascii: "&") {
                append("&amp;")
            } else if byte == UInt8(ascii: "'") {
                append("&#x27;")
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex.utf8Start[Int(byte >> 4)])
                bytes.append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
    }

    /// Bytes cmark leaves as they are in a link target: letters, digits and ``-_.+!*(),%#@?=;:/$~`` .
    private static let hrefSafe: [Bool] = (0..<256).map { byte in
        guard byte < 128 else { return false }
        let scalar = Unicode.Scalar(UInt8(byte))
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) { return true }
        return "-_.+!*(),%#@?=;:/$~".unicodeScalars.contains(scalar)
    }

    /// Where the text at `chars` starts once the ASCII spaces before it (tab, line feed, vertical tab, form feed,
    /// carriage return, space) are skipped, when what follows them is a visible ASCII character or the end: then
    /// those spaces are exactly the characters `Character.isWhitespace` would drop, and the text needs no `String`.
    /// Nil when something else follows, which the caller works out with characters.
    static func afterASCIISpaces(_ chars: UnsafePointer<CChar>) -> UnsafePointer<CChar>? {
        var at = chars
        while true {
            let byte = UInt8(bitPattern: at.pointee)
            switch byte {
            case 9...13, 32: at += 1
            case 0, 33...126: return at
            default: return nil
            }
        }
    }

    /// Whether cmark's safe mode empties this target: `javascript:`, `vbscript:`, `file:` and `data:` (in any case),
    /// except `data:` pictures in PNG, GIF, JPEG or WebP.
    static func isDangerous(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        func starts(with prefix: String) -> Bool {
            let prefix = Array(prefix.utf8)
            guard url.count >= prefix.count else { return false }
            // Only letters are compared without case: folding any other byte would take 0x0F for `/` and 0x1A
            // for `:`, and let `data:image\u{0F}png,…` through as a picture.
            for (index, byte) in prefix.enumerated() {
                let given = url[index]
                let folded = given >= UInt8(ascii: "A") && given <= UInt8(ascii: "Z") ? given | 0x20 : given
                if folded != byte { return false }
            }
            return true
        }
        guard let first = url.first, [UInt8(ascii: "j"), UInt8(ascii: "v"), UInt8(ascii: "f"), UInt8(ascii: "d")]
            .contains(first | 0x20) else { return false }
        if starts(with: "data:image/png") || starts(with: "data:image/gif") || starts(with: "data:image/jpeg")
            || starts(with: "data:image/webp") { return false }
        return starts(with: "javascript:") || starts(with: "vbscript:") || starts(with: "file:") || starts(with: "data:")
    }
}
