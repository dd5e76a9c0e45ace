/// Finds what would let an SVG picture run code in a reader's browser: script elements, event handler attributes
/// (`onload=`), `javascript:` addresses, embedded HTML (`foreignObject`), and entity declarations that can expand
/// without end. Such a picture is refused, with the line and column of each problem.
///
/// The scan is one pass over the bytes, so any file is checked in time proportional to its size.
public enum SVGSafety {
    public struct Problem: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Elements that run code or load a page. `foreignObject` itself is allowed (Illustrator writes one into every
    /// file it can edit again), since everything inside it is checked the same way.
    static let forbiddenElements: Set<String> = ["script", "iframe", "embed", "object", "handler", "listener", "audio",
                                                 "video"]
    static let unsafeSchemes = ["javascript:", "vbscript:", "data:text/html", "data:application"]

    /// Every problem in `bytes`, up to `limit` of them.
    public static func problems(in bytes: [UInt8], limit: Int = 10) -> [Problem] {
        var found: [(offset: Int, message: String)] = []
        var i = 0
        let n = bytes.count
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        func starts(_ text: String, at index: Int) -> Bool {
            let t = Array(text.utf8)
            guard index + t.count <= n else { return false }
            for k in 0..<t.count where lower(bytes[index + k]) != t[k] { return false }
            return true
        }
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || (b >= 48 && b <= 57) || b == 58 || b == 45 || b == 95 || b == 46
        }
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }

        while i < n && found.count < limit {
            guard bytes[i] == 60 else { i += 1; continue } // <
            if starts("<!--", at: i) {
                i = skip(past: Array("-->".utf8), in: bytes, from: i + 4)
                continue
            }
            if starts("<![cdata[", at: i) {
                i = skip(past: Array("]]>".utf8), in: bytes, from: i + 9)
                continue
            }
            if starts("<!entity", at: i) || starts("<!attlist", at: i) {
                // A plain text entity, as Illustrator declares (`<!ENTITY ns_svg "http://…">`), cannot expand into
                // anything; one that refers to others, to a file, or declares attributes (such as a default
                // `onload`) can.
                let end = bytes[i...].firstIndex(of: 62) ?? n
                let declaration = Array(bytes[i..<end])
                let isAttributeList = starts("<!attlist", at: i)
                var plain = false
                if !isAttributeList, let open = declaration.firstIndex(where: { $0 == 34 || $0 == 39 }),
                   let close = declaration[(open + 1)...].firstIndex(of: declaration[open]) {
                    let head = declaration[..<open].split(whereSeparator: isSpace)
                    let value = declaration[(open + 1)..<close]
                    let tail = declaration[(close + 1)...]
                    // `<!ENTITY name "text">`: no SYSTEM or PUBLIC, no parameter entity, nothing that refers on.
                    plain = head.count == 2 && !head.contains(where: { $0.contains(37) })
                        && !value.contains(where: { $0 == 38 || $0 == 37 || $0 == 60 }) && tail.allSatisfy(isSpace)
                }
                if !plain {
                    found.append((i, isAttributeList
                        ? "This picture declares attributes (`<!ATTLIST`), which could add an event handler to its elements. Remove the declaration."
                        : "This picture declares an entity that refers to other entities or files (`<!ENTITY`), which can make it expand without end. Save the picture again as plain SVG."))
                }
                i = end
                continue
            }
            // An element's start: its name, then its attributes up to `>`.
            var j = i + 1
            if j < n && bytes[j] == 47 { i = j; continue } // a closing tag
            let nameStart = j
            while j < n && isNameByte(bytes[j]) { j += 1 }
            guard j > nameStart else { i += 1; continue }
            let name = String(decoding: bytes[nameStart..<j].map(lower), as: UTF8.self)
            let local = name.split(separator: ":").last.map(String.init) ?? name
            if forbiddenElements.contains(local) {
                found.append((i, "This picture has a `<\(local)>` element, which is not allowed: it could run code in the reader's browser. Remove it."))
            }
            // Attributes.
            while j < n && bytes[j] != 62 {
                if isSpace(bytes[j]) || bytes[j] == 47 { j += 1; continue }
                let attributeStart = j
                while j < n && isNameByte(bytes[j]) { j += 1 }
                if j == attributeStart { j += 1; continue }
                let attribute = String(decoding: bytes[attributeStart..<j].map(lower), as: UTF8.self)
                while j < n && isSpace(bytes[j]) { j += 1 }
                var value: [UInt8] = []
                if j < n && bytes[j] == 61 { // =
                    j += 1
                    while j < n && isSpace(bytes[j]) { j += 1 }
                    if j < n && (bytes[j] == 34 || bytes[j] == 39) {
                        let quote = bytes[j]
                        let valueStart = j + 1
                        j = valueStart
                        while j < n && bytes[j] != quote { j += 1 }
                        value = Array(bytes[valueStart..<min(j, n)])
                        j += 1
                    } else {
                        let valueStart = j
                        while j < n && !isSpace(bytes[j]) && bytes[j] != 62 { j += 1 }
                        value = Array(bytes[valueStart..<j])
                    }
                }
                let attributeName = attribute.split(separator: ":").last.map(String.init) ?? attribute
                if attributeName.hasPrefix("on") {
                    found.append((attributeStart, "This picture has an event handler (`\(attribute)=`), which is not allowed: it could run code in the reader's browser. Remove it."))
                } else if isUnsafeAddress(value) {
                    found.append((attributeStart, "This picture has a `\(attribute)` that runs code or loads a page (`javascript:` or similar), which is not allowed. Remove it."))
                }
            }
            i = j + 1
        }
        return found.prefix(limit).map { offset, message in
            let (line, column) = position(of: offset, in: bytes)
            return Problem(line: line, column: column, message: message)
        }
    }

    /// Whether an attribute value is an address that runs code, after character references such as `&#106;` are
    /// read and spaces and control characters are dropped, as browsers do.
    /// A list of values (`values="#a;javascript:…"` in an animation) is checked item by item.
    static func isUnsafeAddress(_ value: [UInt8]) -> Bool {
        value.split(separator: 59, omittingEmptySubsequences: true).prefix(1000).contains { isUnsafeItem(Array($0)) }
            || isUnsafeItem(value)
    }

    private static func isUnsafeItem(_ value: [UInt8]) -> Bool {
        var text = ""
        var k = 0
        while k < value.count && text.count < 40 {
            let b = value[k]
            // A character reference may have any number of leading zeros: `&#x000000006A;` is `j`.
            if b == 38, let semicolon = value[k...].prefix(64).firstIndex(of: 59) { // &...;
                let entity = String(decoding: value[(k + 1)..<semicolon], as: UTF8.self).lowercased()
                var scalar: UInt32?
                if entity.hasPrefix("#x") { scalar = UInt32(entity.dropFirst(2), radix: 16) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()) }
                else if entity == "colon" { scalar = 58 }
                if let scalar, let character = Unicode.Scalar(scalar) {
                    if scalar > 32 { text.unicodeScalars.append(character) }
                    k = semicolon + 1
                    continue
                }
            }
            if b > 32 && b != 127 { text.unicodeScalars.append(Unicode.Scalar(b)) }
            k += 1
        }
        let lowered = text.lowercased()
        return unsafeSchemes.contains { lowered.hasPrefix($0) }
    }

    private static func skip(past end: [UInt8], in bytes: [UInt8], from start: Int) -> Int {
        var i = start
        while i + end.count <= bytes.count {
            if bytes[i] == end[0] && Array(bytes[i..<(i + end.count)]) == end { return i + end.count }
            i += 1
        }
        return bytes.count
    }

    /// 1-based line and column (in characters) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for k in 0..<min(offset, bytes.count) where bytes[k] == 10 {
            line += 1
            lineStart = k + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return (line, column)
    }
}
