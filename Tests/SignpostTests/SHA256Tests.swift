import Foundation
import Testing
import SiteModel

/// Content hashes decide what a build may reuse and which version of a page a review checked, so they must be the
/// standard SHA-256 that any other tool gives for the same bytes.
@Suite struct SHA256Tests {
    @Test func knownAnswers() {
        // FIPS 180-4 examples and the empty input.
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "a", count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func givingBytesInPiecesGivesTheSameHash() {
        let text = Array("Short breaks give family carers a rest. Ffrindiau, ਦੋਸਤ, دوست. ".utf8) + Array(0...255)
        let whole = SHA256.hex(text)
        for size in [1, 7, 63, 64, 65, 200] {
            var hash = SHA256()
            var index = 0
            while index < text.count {
                hash.update(text[index..<min(index + size, text.count)])
                index += size
            }
            #expect(hash.finish().hex == whole, "pieces of \(size) bytes")
        }
    }

    @Test func everyLengthAroundABlockEdge() {
        // Padding differs at 55, 56 and 64 bytes: each length must still match the hash of a known tool.
        let expected = [
            55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
            56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
            64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
        ]
        for (length, hex) in expected {
            #expect(SHA256.hex(String(repeating: "a", count: length)) == hex, "\(length) bytes")
        }
    }
}

/// The build cache's hash: it must give XXH64's published answers, so a file that changed is always seen to.
@Suite struct XXH64Tests {
    @Test func knownAnswers() {
        #expect(XXH64.hex([UInt8]()) == "ef46db3751d8e999")
        #expect(XXH64.hex(Array("a".utf8)) == "d24ec4f1a98c6e5b")
        #expect(XXH64.hex(Array("abc".utf8)) == "44bc2cf5ad770999")
        #expect(XXH64.hex(Array("Nobody inspects the spammish repetition".utf8)) == "fbcea83c8a378bf1")
    }

    @Test func everyByteCounts() {
        let text = Array(String(repeating: "Short breaks give carers a rest. ", count: 20).utf8)
        let original = XXH64.hex(text)
        for index in stride(from: 0, to: text.count, by: 37) {
            var changed = text
            changed[index] ^= 1
            #expect(XXH64.hex(changed) != original, "byte \(index)")
        }
        #expect(XXH64.hex(text.dropLast()) != original)
    }
}
