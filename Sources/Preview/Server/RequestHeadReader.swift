import FlyingFox
import Foundation

/// Reads the head of each request on a connection (the request line and the header fields) with limits, in time
/// that grows with its length and no faster.
///
/// Serve reads request heads itself rather than through FlyingFox's `HTTPServer`: FlyingFox 0.27.1 reads a line a
/// byte at a time and, for each byte, compares the line's end with `Sequence.suffix`, which walks the whole line so
/// far, so a line of n bytes takes time in n². It has no limit on a line's length either, so one 150 KB header held
/// the server's threads for minutes. Here each byte is looked at once, and a head over the limits is refused at once,
/// before the rest of it arrives.
public struct RequestHeadReader: Sendable {
    /// The longest request line taken, in bytes: a longer one is answered 414 (servers such as Apache and nginx take
    /// about 8 KB). A site's own addresses are far shorter.
    public static let requestLineLimit = 8 * 1024
    /// The longest head taken, request line and header fields together: a longer one is answered 431.
    public static let headLimit = 16 * 1024
    /// The most header fields taken: more are answered 431.
    public static let fieldLimit = 100

    /// What the bytes read so far hold.
    public enum Outcome: Sendable {
        /// A whole head: the request, with no body (serve takes none), and whether the connection stays open after
        /// its answer.
        case request(HTTPRequest, keepAlive: Bool)
        /// Not yet a whole head: read more.
        case needMore
        /// A head that breaks the limits or HTTP's rules: answer this and close the connection.
        case refused(HTTPStatusCode, String)
    }

    private var buffer: [UInt8] = []
    /// How far `buffer` has been searched for the end of the head.
    private var scanned = 0
    /// Where the line being searched began.
    private var lineStart = 0
    /// Where the head being read begins: after any blank lines before it.
    private var headStart = 0
    /// Whether the request line has been read whole.
    private var hasRequestLine = false
    private var lines = 0

    public init() {}

    /// Adds bytes read from the connection.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next request, if its head has arrived whole; the bytes after it are kept for the one after.
    public mutating func next() -> Outcome {
        while scanned < buffer.count {
            let byte = buffer[scanned]
            scanned += 1
            guard byte == UInt8(ascii: "\n") else { continue }
            let end = scanned - 1
            let length = end - lineStart - (end > lineStart && buffer[end - 1] == UInt8(ascii: "\r") ? 1 : 0)
            if !hasRequestLine {
                // A blank line before the request line is allowed (RFC 9112 §2.2) and skipped.
                if length == 0 {
                    // More than a few are not a request: refused before they fill memory.
                    if scanned > 64 { return refuse(.badRequest) }
                    lineStart = scanned
                    headStart = scanned
                    continue
                }
                if end - lineStart > Self.requestLineLimit { return refuse(.uriTooLong) }
                hasRequestLine = true
            } else if length == 0 {
                if scanned - headStart > Self.headLimit { return refuse(.requestHeaderFieldsTooLarge) }
                return finish(headEnd: scanned)
            } else {
                lines += 1
                if lines > Self.fieldLimit { return refuse(.requestHeaderFieldsTooLarge) }
            }
            lineStart = scanned
        }
        // The head is not whole yet: refuse it as soon as what has come is already too long.
        if !hasRequestLine {
            if buffer.count - lineStart > Self.requestLineLimit { return refuse(.uriTooLong) }
        } else if buffer.count - headStart > Self.headLimit {
            return refuse(.requestHeaderFieldsTooLarge)
        }
        return .needMore
    }

    private func refuse(_ status: HTTPStatusCode) -> Outcome {
        let words: String
        switch status {
        case .uriTooLong:
            words = "The address asked for is too long (over \(Self.requestLineLimit / 1024) KB). "
                + "This preview's addresses are short."
        case .requestHeaderFieldsTooLarge:
            words = "The request's headers are too large "
                + "(over \(Self.headLimit / 1024) KB or \(Self.fieldLimit) headers). "
                + "Cookies that other programs on this computer set for this address can do this: clear them."
        default:
            words = "The request is not one this preview understands."
        }
        return .refused(status, words)
    }

    private mutating func finish(headEnd: Int) -> Outcome {
        defer {
            buffer.removeSubrange(0..<headEnd)
            scanned = 0
            lineStart = 0
            headStart = 0
            hasRequestLine = false
            lines = 0
        }
        // The head's lines, each without its `\r\n`.
        var fields: [ArraySlice<UInt8>] = []
        var start = headStart
        for index in headStart..<headEnd where buffer[index] == UInt8(ascii: "\n") {
            var line = buffer[start..<index]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            start = index + 1
            if !line.isEmpty { fields.append(line) }
        }
        guard let requestLine = fields.first else { return refuse(.badRequest) }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty,
              parts[0].allSatisfy({ Self.isTokenByte($0) }),
              // Only an address within this server (origin form: `/path?query`). An absolute address would name a
              // host of its own, past the Host check; `*` is for OPTIONS, which serve does not answer.
              parts[1].first == UInt8(ascii: "/"), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return refuse(.badRequest) }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .refused(.httpVersionNotSupported, "This preview speaks HTTP/1.1.")
        }
        var headers = HTTPHeaders()
        for field in fields.dropFirst() {
            // `name: value`, the name a token with nothing between it and the colon; a line that starts with a space
            // (old line folding) is refused, as RFC 9112 §5.2 allows.
            guard let colon = field.firstIndex(of: UInt8(ascii: ":")), colon > field.startIndex,
                  field[field.startIndex..<colon].allSatisfy({ Self.isTokenByte($0) })
            else { return refuse(.badRequest) }
            let value = field[(colon + 1)...]
            // No control characters in a value but a tab: a lone `\r` in a value could otherwise end up in an answer.
            guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else { return refuse(.badRequest) }
            let name = String(decoding: field[field.startIndex..<colon], as: UTF8.self)
            let text = String(decoding: value, as: UTF8.self).trimmingCharacters(in: CharacterSet(charactersIn: " \t"))
            headers.addValue(text, for: HTTPHeader(name))
        }
        let target = String(decoding: parts[1], as: UTF8.self)
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let httpVersion = HTTPVersion(version)
        let query = pieces.count > 1 ? String(pieces[1]) : ""
        let request = HTTPRequest(method: HTTPMethod(String(decoding: parts[0], as: UTF8.self)), version: httpVersion,
                                  target: .init(path: String(pieces[0]), query: query),
                                  headers: headers, body: HTTPBodySequence())
        let connection = (headers[.connection] ?? "").lowercased().split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var keepAlive = version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
        // Serve takes no request bodies; one that has a body is answered and its connection closed, so the body is
        // never read as the next request.
        let length = headers.values(for: .contentLength)
        if headers[.transferEncoding] != nil || !(length.isEmpty || length == ["0"]) { keepAlive = false }
        return .request(request, keepAlive: keepAlive)
    }

    /// The bytes of a token (RFC 9110 §5.6.2): letters, digits and ``!#$%&'*+-.^_`|~``.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
