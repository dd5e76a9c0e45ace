/// The checker reads text as Unicode scalars rather than `Character`s: comparing and classifying a scalar is a
/// number operation, where a `Character` is a small string. Plain ASCII never looks up Unicode properties.
extension Unicode.Scalar {
    @inline(__always)
    var isLetter: Bool {
        if isASCII { return (value >= 65 && value <= 90) || (value >= 97 && value <= 122) }
        return properties.isAlphabetic
    }

    @inline(__always)
    var isDigit: Bool {
        if isASCII { return value >= 48 && value <= 57 }
        return properties.numericType == .decimal
    }

    @inline(__always)
    var isLetterOrDigit: Bool { isLetter || isDigit }

    @inline(__always)
    var isSpace: Bool {
        if isASCII { return value == 32 || value == 9 || value == 10 || value == 13 }
        return properties.isWhitespace
    }

    @inline(__always)
    var isUppercase: Bool {
        if isASCII { return value >= 65 && value <= 90 }
        return properties.isUppercase
    }

    @inline(__always)
    var isLowercase: Bool {
        if isASCII { return value >= 97 && value <= 122 }
        return properties.isLowercase
    }

    /// Whether the scalar is one of those in `set`, such as `".!?"`.
    @inline(__always)
    func isOne(of set: StaticString) -> Bool {
        set.withUTF8Buffer { buffer in
            if isASCII { return buffer.contains(UInt8(value)) }
            return String(decoding: buffer, as: UTF8.self).unicodeScalars.contains(self)
        }
    }

    /// The same letter in lower case, for ASCII; otherwise the scalar itself.
    @inline(__always)
    var asciiLowercased: Unicode.Scalar {
        isASCII && value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : self
    }
}

extension String {
    /// Text made of scalars from a block. The UTF-8 is written straight into the string, so a short word (15 bytes
    /// or fewer) is made without touching the heap, and a long one with a single allocation.
    init(scalars: some Collection<Unicode.Scalar>) {
        self.init(scalars: scalars, lowercasingASCII: false)
    }

    /// The scalars in lower case: ASCII directly, anything else through `lowercased()`.
    init(lowercasing scalars: some Collection<Unicode.Scalar>) {
        var ascii = true
        for scalar in scalars where !scalar.isASCII {
            ascii = false
            break
        }
        self = ascii ? String(scalars: scalars, lowercasingASCII: true) : String(scalars: scalars).lowercased()
    }

    private init(scalars: some Collection<Unicode.Scalar>, lowercasingASCII: Bool) {
        var count = 0
        for scalar in scalars { count += UTF8.width(scalar) }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for scalar in scalars {
                if scalar.isASCII {
                    buffer[i] = UInt8(lowercasingASCII ? scalar.asciiLowercased.value : scalar.value)
                    i += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[i] = byte
                        i += 1
                    }
                }
            }
            return i
        }
    }
}
