import Foundation

/// Adds serve's style sheet, the page's findings and serve's script to a page as it is sent: the built files are
/// never changed, so nothing of this reaches a normal build.
public enum PreviewInjection {
    /// What the page's script reads: the site number it was built as, its source file and its findings.
    struct PageData: Encodable {
        var site: Int
        var source: String?
        var findings: [PageFinding]
    }

    public static func inject(into html: Data, siteNumber: Int, source: String?, findings: [PageFinding]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var json = (try? encoder.encode(PageData(site: siteNumber, source: source, findings: findings))) ?? Data("{}".utf8)
        // JSONEncoder writes `/` as `\/`, so `</script>` cannot appear; `<!--` is kept out the same way.
        json = Data(String(decoding: json, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c").utf8)
        let head = Data("<link rel=\"stylesheet\" href=\"/__signpost/preview.css\">\n".utf8)
        var tail = Data("<script type=\"application/json\" id=\"signpost-preview\">".utf8)
        tail += json
        tail += Data("</script>\n<script src=\"/__signpost/preview.js\" defer></script>\n".utf8)
        var page = html
        if let at = lastRange(of: "</head>", in: page) { page.insert(contentsOf: head, at: at) } else { tail = head + tail }
        if let at = lastRange(of: "</body>", in: page) { page.insert(contentsOf: tail, at: at) } else { page += tail }
        return page
    }

    /// Where the last `</head>` or `</body>` starts, in any case of letters.
    static func lastRange(of tag: String, in data: Data) -> Int? {
        let wanted = Array(tag.utf8)
        let bytes = [UInt8](data)
        guard bytes.count >= wanted.count else { return nil }
        var index = bytes.count - wanted.count
        while index >= 0 {
            var matches = true
            for offset in 0..<wanted.count {
                let byte = bytes[index + offset]
                let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
                if lower != wanted[offset] { matches = false; break }
            }
            if matches { return data.startIndex + index }
            index -= 1
        }
        return nil
    }
}
