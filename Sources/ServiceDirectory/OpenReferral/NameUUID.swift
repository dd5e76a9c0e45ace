/// Name-based UUIDs, RFC 4122 version 5: the SHA-1 of a namespace's 16 bytes followed by the name, cut to 16 bytes,
/// with the version and variant bits set. The same name always gives the same id, so a service keeps its Open
/// Referral id from build to build, and any other tool (Python's `uuid.uuid5`) can work the id out too.
public enum NameUUID {
    /// Signpost's own namespace: `uuid5(NAMESPACE_URL, "https://signpost.invalid/openreferral")`, fixed for good, since
    /// changing it would change every id a council's feed readers already hold.
    public static let signpostNamespace = "5fc8f3a3-ceee-5811-8c2b-a3dfd04b00ae"

    /// The namespace's bytes, parsed once.
    private static let namespaceBytes: [UInt8] = bytes(of: signpostNamespace)!

    /// The version 5 UUID of `name` in Signpost's namespace, as lowercase text with hyphens.
    public static func v5(_ name: String) -> String { v5(name, namespace: namespaceBytes) }

    /// The version 5 UUID of `name` in any namespace, given as UUID text (`6ba7b811-9dad-11d1-80b4-00c04fd430c8`).
    public static func v5(_ name: String, namespace: String) -> String? {
        bytes(of: namespace).map { v5(name, namespace: $0) }
    }

    static func v5(_ name: String, namespace: [UInt8]) -> String {
        var hash = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in hash.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The 16 bytes of a UUID written as text, or nil when it is not one.
    public static func bytes(of text: String) -> [UInt8]? {
        let hex = text.utf8.filter { $0 != UInt8(ascii: "-") }
        guard hex.count == 32, text.utf8.count == 36 else { return nil }
        var bytes: [UInt8] = []
        for pair in stride(from: 0, to: 32, by: 2) {
            guard let high = value(hex[pair]), let low = value(hex[pair + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// Whether `text` is a UUID written in the usual 8-4-4-4-12 form.
    public static func isUUID(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        return parts == [8, 4, 4, 4, 12] && bytes(of: text) != nil
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
