import Foundation

/// The one tokeniser search uses: here when the index is built, and the same rules in `signpost.js` when someone
/// searches, tested with the same table of strings on both sides (Tests/SignpostTests/Fixtures/search-tokens.json).
///
/// Text is lowercased; accents on Latin letters are taken off (the combining marks U+0300 to U+036F after
/// canonical decomposition, so `café` is `cafe`), `ß` becomes `ss`, and apostrophes join their word (`carer's` is
/// `carers`). A word is a run of letters, combining marks and digits in any script, so Urdu, Punjabi in Gurmukhi and
/// Gujarati words stay whole with their vowel signs, and a query in them searches in them.
public enum SearchTokens {
    public static func tokens(_ text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 128 }) else { return unicodeTokens(text) }
        // Plain ASCII text (most of it): lowercased and split byte by byte, by the same rules.
        var found: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            case UInt8(ascii: "'"): continue
            default:
                if !word.isEmpty { found.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { found.append(String(decoding: word, as: UTF8.self)) }
        return found
    }

    private static func unicodeTokens(_ text: String) -> [String] {
        var scalars = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x300...0x36F, 0x27, 0x2019: continue
            case 0xDF: scalars.append(contentsOf: "ss".unicodeScalars)
            default: scalars.append(scalar)
            }
        }
        let folded = String(scalars).precomposedStringWithCanonicalMapping
        var found: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                found.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { found.append(String(word)) }
        return found
    }

    /// Letters, marks and digits: JavaScript's `[\p{L}\p{M}\p{N}]`.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
