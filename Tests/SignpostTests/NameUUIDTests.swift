import Testing
import ServiceDirectory

/// Open Referral ids are RFC 4122 version 5 UUIDs, so a feed reader (or Python's `uuid.uuid5`) can work out the same
/// id from the same name, and a service keeps its id from build to build. The expected values come from Python's
/// `hashlib.sha1` and `uuid.uuid5`.
@Suite struct NameUUIDTests {
    @Test func sha1KnownAnswers() {
        let expected: [(String, String)] = [
            ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
            // Padding differs at 55, 56 and 64 bytes.
            (String(repeating: "a", count: 55), "c1c8bbdc22796e28c0e15163d20899b65621d65a"),
            (String(repeating: "a", count: 56), "c2db330f6083854c99d4b5bfb6e8f29f201be699"),
            (String(repeating: "a", count: 64), "0098ba824b5c16427bd7a1122a5a442a25ec644d"),
            (String(repeating: "a", count: 1000), "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
            ("Ffrindiau, ਦੋਸਤ, دوست", "75168828b62746c28472fa8125fbc4d5b28d40d0"),
        ]
        for (text, hex) in expected { #expect(SHA1.hex(text) == hex, "\(text.prefix(10))… (\(text.utf8.count) bytes)") }
    }

    @Test func version5MatchesPython() {
        // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the example in Python's documentation.
        #expect(NameUUID.v5("python.org", namespace: "6ba7b810-9dad-11d1-80b4-00c04fd430c8") == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        // Signpost's namespace is itself uuid5(NAMESPACE_URL, "https://signpost.invalid/openreferral").
        #expect(NameUUID.v5("https://signpost.invalid/openreferral", namespace: "6ba7b811-9dad-11d1-80b4-00c04fd430c8")
                == NameUUID.signpostNamespace)
        let expected = [
            "service:respite-house": "668f85ae-7bc0-5831-a20d-727136251439",
            "organization:Leicester City Council": "3f2989f6-d772-5112-83e0-0372f199d1b6",
            "taxonomy_term:holiday": "596c02ef-cf11-512f-8d50-d1ee688c4098",
            "": "1d226bab-8fc1-58ad-9c03-426188b644a2",
            "service:ਦੋਸਤ": "25591544-5d00-5e04-b874-f41896f9abc8",
        ]
        for (name, id) in expected { #expect(NameUUID.v5(name) == id, "\(name)") }
    }

    @Test func onlyUUIDsAreUUIDs() {
        #expect(NameUUID.isUUID("ac148810-d857-441c-9679-408f346de14b"))
        #expect(NameUUID.isUUID("AC148810-D857-441C-9679-408F346DE14B"))
        #expect(!NameUUID.isUUID("ac148810d857441c9679408f346de14b"))
        #expect(!NameUUID.isUUID("ac148810-d857-441c-9679-408f346de14g"))
        #expect(!NameUUID.isUUID("maple-lodge"))
        #expect(NameUUID.v5("x", namespace: "not a uuid") == nil)
    }
}
