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
    /// Text made of scalars from a block.
    init(scalars: some Sequence<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        for scalar in scalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }

    /// The scalars in lower case: ASCII directly, anything else through `lowercased()`.
    init(lowercasing scalars: some Sequence<Unicode.Scalar>) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.underestimatedCount)
        var ascii = true
        for scalar in scalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.asciiLowercased.value)) } else {
                ascii = false
                UTF8.encode(scalar) { bytes.append($0) }
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        self = ascii ? text : text.lowercased()
    }
}
