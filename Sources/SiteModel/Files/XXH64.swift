/// XXH64, a fast hash of bytes (several gigabytes a second), for the build cache: it tells whether a file's bytes are
/// what they were. It is not a defence against someone making two files with one hash on purpose, which nobody gains
/// from here (a content folder's writer can already write what they like); SHA-256 is used where a hash is shown to
/// people or kept in their files.
public enum XXH64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The hash of `bytes`, as 16 lowercase hexadecimal digits.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes, seed: UInt64 = 0) -> String where Bytes.Element == UInt8 {
        let value = bytes.withContiguousStorageIfAvailable { hash(UnsafeRawBufferPointer($0), seed: seed) }
            ?? Array(bytes).withUnsafeBytes { hash($0, seed: seed) }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let count = bytes.count
        var index = 0
        var result: UInt64
        func word(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        if count >= 32 {
            var v1 = seed &+ prime1 &+ prime2, v2 = seed &+ prime2, v3 = seed, v4 = seed &- prime1
            while index + 32 <= count {
                v1 = round(v1, word(index))
                v2 = round(v2, word(index + 8))
                v3 = round(v3, word(index + 16))
                v4 = round(v4, word(index + 24))
                index += 32
            }
            result = rotate(v1, 1) &+ rotate(v2, 7) &+ rotate(v3, 12) &+ rotate(v4, 18)
            for lane in [v1, v2, v3, v4] { result = (result ^ round(0, lane)) &* prime1 &+ prime4 }
        } else {
            result = seed &+ prime5
        }
        result &+= UInt64(count)
        while index + 8 <= count {
            result ^= round(0, word(index))
            result = rotate(result, 27) &* prime1 &+ prime4
            index += 8
        }
        if index + 4 <= count {
            let half = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt32.self)))
            result ^= half &* prime1
            result = rotate(result, 23) &* prime2 &+ prime3
            index += 4
        }
        while index < count {
            result ^= UInt64(bytes[index]) &* prime5
            result = rotate(result, 11) &* prime1
            index += 1
        }
        result ^= result >> 33
        result &*= prime2
        result ^= result >> 29
        result &*= prime3
        result ^= result >> 32
        return result
    }

    private static func round(_ accumulator: UInt64, _ input: UInt64) -> UInt64 {
        rotate(accumulator &+ input &* prime2, 31) &* prime1
    }

    private static func rotate(_ value: UInt64, _ count: UInt64) -> UInt64 { (value << count) | (value >> (64 - count)) }
}
