/// Counts syllables in English words well enough for a readability grade: vowel groups, less a silent `e`.
enum Syllables {
    static func count(_ word: String) -> Int {
        let letters = word
        guard !letters.isEmpty else { return 0 }
        if letters.utf8.count <= 3 { return 1 }
        var count = 0
        var previousWasVowel = false
        for c in letters.utf8 {
            let isVowel = c == 97 || c == 101 || c == 105 || c == 111 || c == 117 || c == 121
            if isVowel && !previousWasVowel { count += 1 }
            previousWasVowel = isVowel
        }
        if letters.hasSuffix("e") && !letters.hasSuffix("le") && count > 1 { count -= 1 }
        if letters.hasSuffix("es") || letters.hasSuffix("ed"), count > 1,
           !letters.hasSuffix("ted"), !letters.hasSuffix("ded"), !letters.hasSuffix("ses"), !letters.hasSuffix("ces") {
            count -= 1
        }
        return max(count, 1)
    }
}
