/// Counts syllables in English words well enough for a readability grade: vowel groups, less a silent `e`.
enum Syllables {
    static func count(_ word: String) -> Int {
        let letters = word
        guard !letters.isEmpty else { return 0 }
        if letters.utf8.count <= 3 { return 1 }
        var count = 0
        var previousWasVowel = false
        // The last three bytes, for the endings below.
        var tail: (UInt8, UInt8, UInt8) = (0, 0, 0)
        var ascii = true
        for c in letters.utf8 {
            let isVowel = c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
            if c >= 128 { ascii = false }
            tail = (tail.1, tail.2, c)
        }
        // Endings are compared as bytes when the word is ASCII, as nearly every word is: the same answer as comparing
        // characters, without building them. A word with accents compares characters.
        func ends(_ suffix: StaticString) -> Bool {
            guard ascii else { return letters.hasSuffix(suffix.description) }
            return suffix.withUTF8Buffer { bytes in
                switch bytes.count {
                case 1: tail.2 == bytes[0]
                case 2: tail.1 == bytes[0] && tail.2 == bytes[1]
                default: tail.0 == bytes[0] && tail.1 == bytes[1] && tail.2 == bytes[2]
                }
            }
        }
        if ends("e") && !ends("le") && count > 1 { count -= 1 }
        if ends("es") || ends("ed"), count > 1, !ends("ted"), !ends("ded"), !ends("ses"), !ends("ces") {
            count -= 1
        }
        return max(count, 1)
    }
}
