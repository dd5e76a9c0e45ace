/// One run of the Snowball English stemmer over one word: the word as Unicode scalar values, and Snowball's
/// cursor, limits and slice marks (`bra` and `ket`). The steps below are `english.sbl`'s routines in order, written
/// the way Snowball's compiler writes them, so each can be read beside the generated Python in `snowballstemmer`.
struct EnglishStemming {
    private(set) var current: [UInt32]
    private(set) var limit: Int
    /// Whether any step changed the word, so an unchanged word is handed back without building a new string.
    private(set) var changed = false
    private var cursor = 0
    private var limitBackward = 0
    private var bra = 0
    private var ket: Int
    private var foundY = false
    private var p1 = 0
    private var p2 = 0

    init(_ word: [UInt32]) {
        current = word
        limit = word.count
        ket = word.count
    }

    /// The whole algorithm: exceptional forms first, then the steps. Returns whether the word changed.
    mutating func run() -> Bool {
        if exception1() { return changed }
        cursor = 0
        if limit < 3 { return changed }
        prelude()
        markRegions()
        limitBackward = cursor
        cursor = limit
        var saved = limit - cursor
        step1a(); cursor = limit - saved
        saved = limit - cursor
        step1b(); cursor = limit - saved
        saved = limit - cursor
        step1c(); cursor = limit - saved
        saved = limit - cursor
        step2(); cursor = limit - saved
        saved = limit - cursor
        step3(); cursor = limit - saved
        saved = limit - cursor
        step4(); cursor = limit - saved
        saved = limit - cursor
        step5(); cursor = limit - saved
        cursor = limitBackward
        postlude()
        return changed
    }

    // MARK: Letters

    private static let apostrophe = UInt32(UInt8(ascii: "'"))
    private static let lowerY = UInt32(UInt8(ascii: "y"))
    private static let upperY = UInt32(UInt8(ascii: "Y"))

    /// The vowels, `a e i o u y`.
    private static func isVowel(_ c: UInt32) -> Bool {
        switch c {
        case 97, 101, 105, 111, 117, 121: return true  // a e i o u y
        default: return false
        }
    }

    /// The vowels with `w`, `x` and `Y`: a short syllable may not end in these.
    private static func isVowelWXY(_ c: UInt32) -> Bool {
        switch c {
        case 89, 97, 101, 105, 111, 117, 119, 120, 121: return true  // Y a e i o u w x y
        default: return false
        }
    }

    /// The letters that may come before a suffix `li` that is taken off.
    private static func isValidLI(_ c: UInt32) -> Bool {
        switch c {
        case 99, 100, 101, 103, 104, 107, 109, 110, 114, 116: return true  // c d e g h k m n r t
        default: return false
        }
    }

    private static func isAEO(_ c: UInt32) -> Bool { c == 97 || c == 101 || c == 111 }

    /// A Snowball `among`: strings, each with the result its routine acts on, searched for the longest that matches.
    /// The letters of all the strings are kept in one array for speed.
    struct Among {
        let letters: [UInt32]
        /// Where each string starts in `letters`, and where the last one ends.
        let starts: [Int]
        let results: [Int]

        /// For each ASCII letter, the strings that end in it, and those that start with it, longest first; and the
        /// empty string, if there is one.
        let byLastLetter: [[Int]]
        let byFirstLetter: [[Int]]
        let emptyEntry: Int?

        init(_ entries: [(String, Int)]) {
            var letters: [UInt32] = [], starts = [0], results: [Int] = []
            var byLastLetter = [[Int]](repeating: [], count: 128), byFirstLetter = byLastLetter, emptyEntry: Int?
            for (index, (text, result)) in entries.enumerated() {
                letters += text.utf8.map(UInt32.init)
                starts.append(letters.count)
                results.append(result)
                if let last = text.utf8.last { byLastLetter[Int(last)].append(index) } else { emptyEntry = index }
                if let first = text.utf8.first { byFirstLetter[Int(first)].append(index) }
            }
            self.letters = letters
            self.starts = starts
            self.results = results
            let longestFirst = { (list: [Int]) in list.sorted { starts[$0 + 1] - starts[$0] > starts[$1 + 1] - starts[$1] } }
            self.byLastLetter = byLastLetter.map(longestFirst)
            self.byFirstLetter = byFirstLetter.map(longestFirst)
            self.emptyEntry = emptyEntry
        }
    }

    // MARK: Snowball's operations

    private mutating func inGroupingBackward(_ group: (UInt32) -> Bool) -> Bool {
        guard cursor > limitBackward, group(current[cursor - 1]) else { return false }
        cursor -= 1
        return true
    }

    private mutating func outGroupingBackward(_ group: (UInt32) -> Bool) -> Bool {
        guard cursor > limitBackward, !group(current[cursor - 1]) else { return false }
        cursor -= 1
        return true
    }

    /// Moves forward to the next letter in the group; false at the end of the word.
    private mutating func goOutGrouping(_ group: (UInt32) -> Bool) -> Bool {
        while cursor < limit {
            if group(current[cursor]) { return true }
            cursor += 1
        }
        return false
    }

    /// Moves forward to the next letter not in the group; false at the end of the word.
    private mutating func goInGrouping(_ group: (UInt32) -> Bool) -> Bool {
        while cursor < limit {
            if !group(current[cursor]) { return true }
            cursor += 1
        }
        return false
    }

    /// Moves back to the nearest letter in the group before the cursor; false at the start.
    private mutating func goOutGroupingBackward(_ group: (UInt32) -> Bool) -> Bool {
        while cursor > limitBackward {
            if group(current[cursor - 1]) { return true }
            cursor -= 1
        }
        return false
    }

    /// Whether the letter before the cursor is `letter`, stepping back over it if so.
    private mutating func eqBackward(_ letter: UInt8) -> Bool {
        guard cursor > limitBackward, current[cursor - 1] == UInt32(letter) else { return false }
        cursor -= 1
        return true
    }

    private func endsAtCursor(_ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard cursor - length >= limitBackward else { return false }
        return text.withUTF8Buffer { bytes in
            var i = 0
            while i < length {
                if current[cursor - length + i] != UInt32(bytes[i]) { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func eqStringBackward(_ text: StaticString) -> Bool {
        guard endsAtCursor(text) else { return false }
        cursor -= text.utf8CodeUnitCount
        return true
    }

    /// Snowball's `among` going backwards: the longest of the suffixes that ends at the cursor, whose result is
    /// returned and before which the cursor is left; 0, and the cursor where it was, when none does. Only the
    /// suffixes ending in the letter before the cursor are tried, longest first.
    private mutating func findAmongBackward(_ among: Among) -> Int {
        if cursor > limitBackward, current[cursor - 1] < 128 {
            for entry in among.byLastLetter[Int(current[cursor - 1])] {
                let start = among.starts[entry], length = among.starts[entry + 1] - start
                guard cursor - length >= limitBackward else { continue }
                var i = length - 1
                while i > 0 && current[cursor - length + i - 1] == among.letters[start + i - 1] { i -= 1 }
                if i == 0 {
                    cursor -= length
                    return among.results[entry]
                }
            }
        }
        return among.emptyEntry.map { among.results[$0] } ?? 0
    }

    /// Snowball's `among` going forwards: the longest of the words that starts at the cursor. Only the words
    /// starting with the letter at the cursor are tried, longest first.
    private mutating func findAmong(_ among: Among) -> Int {
        if cursor < limit, current[cursor] < 128 {
            for entry in among.byFirstLetter[Int(current[cursor])] {
                let start = among.starts[entry], length = among.starts[entry + 1] - start
                guard cursor + length <= limit else { continue }
                var i = 1
                while i < length && current[cursor + i] == among.letters[start + i] { i += 1 }
                if i == length {
                    cursor += length
                    return among.results[entry]
                }
            }
        }
        return among.emptyEntry.map { among.results[$0] } ?? 0
    }

    /// Replaces the letters from `bra` to `ket` with `text`, moving the cursor and limit as Snowball does. The
    /// letters after `ket` (usually none: the steps work at the end of the word) are moved along in place.
    private mutating func sliceFrom(_ text: StaticString) {
        let length = text.utf8CodeUnitCount, removed = ket - bra
        let adjustment = length - removed
        if adjustment > 0 {
            current.append(contentsOf: repeatElement(0, count: adjustment))
            var i = limit - 1
            while i >= ket {
                current[i + adjustment] = current[i]
                i -= 1
            }
        } else if adjustment < 0 {
            var i = ket
            while i < limit {
                current[i + adjustment] = current[i]
                i += 1
            }
            current.removeLast(-adjustment)
        }
        let bytes = text.utf8Start
        for i in 0..<length { current[bra + i] = UInt32(bytes[i]) }
        limit += adjustment
        if cursor >= ket {
            cursor += adjustment
        } else if cursor > bra {
            cursor = bra
        }
        ket = bra + length
        changed = true
    }

    private mutating func sliceDelete() { sliceFrom("") }

    private var inR1: Bool { p1 <= cursor }
    private var inR2: Bool { p2 <= cursor }

    // MARK: The routines of english.sbl

    private static let exceptions1: Among = Among([
        ("andes", -1), ("atlas", -1), ("bias", -1), ("cosmos", -1), ("early", 6), ("gently", 4), ("howe", -1),
        ("idly", 3), ("news", -1), ("only", 7), ("singly", 8), ("skies", 2), ("skis", 1), ("sky", -1), ("ugly", 5),
    ])
    private static let exceptions1Stems: [StaticString] = [
        "ski", "sky", "idl", "gentl", "ugli", "earli", "onli", "singl",
    ]

    /// Words with their own stems ("skies" is "sky", "news" stays "news").
    private mutating func exception1() -> Bool {
        bra = cursor
        let found = findAmong(Self.exceptions1)
        if found == 0 { return false }
        ket = cursor
        if cursor < limit { return false }
        if found > 0 { sliceFrom(Self.exceptions1Stems[found - 1]) }
        return true
    }

    /// A leading apostrophe goes; a `y` at the start or after a vowel is a consonant, written `Y` until the end.
    private mutating func prelude() {
        foundY = false
        if cursor < limit && current[cursor] == Self.apostrophe {
            bra = cursor
            ket = cursor + 1
            sliceDelete()
        }
        if cursor < limit && current[cursor] == Self.lowerY {
            current[cursor] = Self.upperY
            foundY = true
        }
        var i = cursor
        while i + 1 < limit {
            if Self.isVowel(current[i]) && current[i + 1] == Self.lowerY {
                current[i + 1] = Self.upperY
                foundY = true
            }
            i += 1
        }
    }

    private static let specialPrefixes: Among = Among([
        ("arsen", -1), ("commun", -1), ("emerg", -1), ("gener", -1), ("inter", -1), ("later", -1), ("organ", -1),
        ("past", -1), ("univers", -1),
    ])

    /// R1 and R2: what follows the first, and second, consonant after a vowel ("generous" has R1 "ous").
    private mutating func markRegions() {
        p1 = limit
        p2 = limit
        let start = cursor
        defer { cursor = start }
        if findAmong(Self.specialPrefixes) == 0 {
            cursor = start
            guard goOutGrouping(Self.isVowel) else { return }
            cursor += 1
            guard goInGrouping(Self.isVowel) else { return }
            cursor += 1
        }
        p1 = cursor
        guard goOutGrouping(Self.isVowel) else { return }
        cursor += 1
        guard goInGrouping(Self.isVowel) else { return }
        cursor += 1
        p2 = cursor
    }

    /// Whether the word ends, at the cursor, in a short syllable ("hop", "ow", and "past").
    private mutating func shortSyllable() -> Bool {
        let saved = limit - cursor
        if outGroupingBackward(Self.isVowelWXY) && inGroupingBackward(Self.isVowel)
            && outGroupingBackward(Self.isVowel) { return true }
        cursor = limit - saved
        if outGroupingBackward(Self.isVowel) && inGroupingBackward(Self.isVowel) && cursor <= limitBackward {
            return true
        }
        cursor = limit - saved
        return eqStringBackward("past")
    }

    private static let apostropheSuffixes: Among = Among([("'", 1), ("'s'", 1), ("'s", 1)])
    private static let step1aSuffixes: Among = Among([
        ("ied", 2), ("s", 3), ("ies", 2), ("sses", 1), ("ss", -1), ("us", -1),
    ])

    /// Possessives, then plurals: "sses" → "ss", "ies" → "i" or "ie", a final "s" after a vowel earlier on goes.
    private mutating func step1a() {
        let saved = limit - cursor
        ket = cursor
        if findAmongBackward(Self.apostropheSuffixes) == 0 {
            cursor = limit - saved
        } else {
            bra = cursor
            sliceDelete()
        }
        ket = cursor
        let found = findAmongBackward(Self.step1aSuffixes)
        if found == 0 { return }
        bra = cursor
        switch found {
        case 1:
            sliceFrom("ss")
        case 2:
            if cursor - 2 >= limitBackward {
                cursor -= 2
                sliceFrom("i")
            } else {
                sliceFrom("ie")
            }
        case 3:
            guard cursor > limitBackward else { return }
            cursor -= 1
            guard goOutGroupingBackward(Self.isVowel) else { return }
            cursor -= 1
            sliceDelete()
        default:
            break
        }
    }

    private static let step1bSuffixes: Among = Among([
        ("", -1), ("ed", 2), ("eed", 1), ("ing", 3), ("edly", 2), ("eedly", 1), ("ingly", 2),
    ])
    private static let eedExceptions: Among = Among([("succ", 1), ("proc", 1), ("exc", 1)])
    private static let ingExceptions: Among = Among([
        ("even", 2), ("cann", 2), ("inn", 2), ("earr", 2), ("herr", 2), ("out", 2), ("y", 1),
    ])
    private static let step1bEndings: Among = Among([
        ("", 3), ("bb", 2), ("dd", 2), ("ff", 2), ("gg", 2), ("bl", 1), ("mm", 2), ("nn", 2), ("pp", 2), ("rr", 2),
        ("at", 1), ("tt", 2), ("iz", 1),
    ])

    /// "eed" and "eedly" → "ee" in R1; "ed", "ing" and the like go after a vowel, then "at" → "ate", doubled letters
    /// are undoubled and short words get their "e" back ("hoping" → "hope"). "dying" is "die"; "succeed",
    /// "inning" and their like stay.
    private mutating func step1b() {
        ket = cursor
        var found = findAmongBackward(Self.step1bSuffixes)
        bra = cursor
        let saved = limit - cursor
        if step1bKeeps(found) { return }
        cursor = limit - saved
        let beforeSuffix = limit - cursor
        guard goOutGroupingBackward(Self.isVowel) else { return }
        cursor = limit - beforeSuffix
        sliceDelete()
        ket = cursor
        bra = cursor
        let atEnd = limit - cursor
        found = findAmongBackward(Self.step1bEndings)
        switch found {
        case 1:
            sliceFrom("e")
            return
        case 2:
            let beforeDouble = limit - cursor
            if inGroupingBackward(Self.isAEO) && cursor <= limitBackward { return }
            cursor = limit - beforeDouble
        default:
            guard cursor == p1 else { return }
            let saved = limit - cursor
            guard shortSyllable() else { return }
            cursor = limit - saved
            sliceFrom("e")
            return
        }
        cursor = limit - atEnd
        ket = cursor
        guard cursor > limitBackward else { return }
        cursor -= 1
        bra = cursor
        sliceDelete()
    }

    /// Step 1b's first part: true when the suffix found is dealt with here (or there is none), false when it is one
    /// to take off after a vowel.
    private mutating func step1bKeeps(_ found: Int) -> Bool {
        switch found {
        case 1:
            let saved = limit - cursor
            if inR1 {
                let beforeSuffix = limit - cursor
                if !(findAmongBackward(Self.eedExceptions) != 0 && cursor <= limitBackward) {
                    cursor = limit - beforeSuffix
                    sliceFrom("ee")
                }
            }
            cursor = limit - saved
            return true
        case 2:
            return false
        case 3:
            let exception = findAmongBackward(Self.ingExceptions)
            if exception == 0 { return false }
            if exception == 1 {
                let beforeY = limit - cursor
                guard outGroupingBackward(Self.isVowel), cursor <= limitBackward else { return false }
                cursor = limit - beforeY
                bra = cursor
                sliceFrom("ie")
                return true
            }
            return cursor <= limitBackward
        default:
            return true
        }
    }

    /// A final "y" after a consonant, not the first letter, is "i": "happy" → "happi", "cry" → "cri".
    private mutating func step1c() {
        ket = cursor
        guard eqBackward(UInt8(ascii: "y")) || eqBackward(UInt8(ascii: "Y")) else { return }
        bra = cursor
        guard outGroupingBackward(Self.isVowel), cursor > limitBackward else { return }
        sliceFrom("i")
    }

    private static let step2Suffixes: Among = Among([
        ("anci", 3), ("enci", 2), ("ogi", 14), ("li", 16), ("bli", 12), ("abli", 4), ("alli", 8), ("fulli", 9),
        ("lessli", 15), ("ousli", 10), ("entli", 5), ("aliti", 8), ("biliti", 12), ("iviti", 11), ("tional", 1),
        ("ational", 7), ("alism", 8), ("ation", 7), ("ization", 6), ("izer", 6), ("ator", 7), ("iveness", 11),
        ("fulness", 9), ("ousness", 10), ("ogist", 13),
    ])

    /// Longer suffixes in R1 made shorter: "ational" → "ate", "fulness" → "ful", "ogist" → "og".
    private mutating func step2() {
        ket = cursor
        let found = findAmongBackward(Self.step2Suffixes)
        if found == 0 { return }
        bra = cursor
        guard inR1 else { return }
        switch found {
        case 14:
            guard eqBackward(UInt8(ascii: "l")) else { return }
            sliceFrom("og")
        case 16:
            guard inGroupingBackward(Self.isValidLI) else { return }
            sliceDelete()
        case 1: sliceFrom("tion")
        case 2: sliceFrom("ence")
        case 3: sliceFrom("ance")
        case 4: sliceFrom("able")
        case 5: sliceFrom("ent")
        case 6: sliceFrom("ize")
        case 7: sliceFrom("ate")
        case 8: sliceFrom("al")
        case 9: sliceFrom("ful")
        case 10: sliceFrom("ous")
        case 11: sliceFrom("ive")
        case 12: sliceFrom("ble")
        case 13: sliceFrom("og")
        default: sliceFrom("less")
        }
    }

    private static let step3Suffixes: Among = Among([
        ("icate", 4), ("ative", 6), ("alize", 3), ("iciti", 4), ("ical", 4), ("tional", 1), ("ational", 2),
        ("ful", 5), ("ness", 5),
    ])

    /// More suffixes in R1: "icate" → "ic", "ness" goes, "ative" goes in R2.
    private mutating func step3() {
        ket = cursor
        let found = findAmongBackward(Self.step3Suffixes)
        if found == 0 { return }
        bra = cursor
        guard inR1 else { return }
        switch found {
        case 1: sliceFrom("tion")
        case 2: sliceFrom("ate")
        case 3: sliceFrom("al")
        case 4: sliceFrom("ic")
        case 5: sliceDelete()
        default:
            guard inR2 else { return }
            sliceDelete()
        }
    }

    private static let step4Suffixes: Among = Among([
        ("ic", 1), ("ance", 1), ("ence", 1), ("able", 1), ("ible", 1), ("ate", 1), ("ive", 1), ("ize", 1),
        ("iti", 1), ("al", 1), ("ism", 1), ("ion", 2), ("er", 1), ("ous", 1), ("ant", 1), ("ent", 1), ("ment", 1),
        ("ement", 1),
    ])

    /// Suffixes in R2 go: "ance", "ment", "er", and "ion" after "s" or "t".
    private mutating func step4() {
        ket = cursor
        let found = findAmongBackward(Self.step4Suffixes)
        if found == 0 { return }
        bra = cursor
        guard inR2 else { return }
        if found == 2 {
            guard eqBackward(UInt8(ascii: "s")) || eqBackward(UInt8(ascii: "t")) else { return }
        }
        sliceDelete()
    }

    private static let step5Suffixes: Among = Among([("e", 1), ("l", 2)])

    /// A final "e" goes in R2, or in R1 when not after a short syllable; "ll" in R2 loses an "l".
    private mutating func step5() {
        ket = cursor
        let found = findAmongBackward(Self.step5Suffixes)
        if found == 0 { return }
        bra = cursor
        if found == 1 {
            if !inR2 {
                guard inR1 else { return }
                let saved = limit - cursor
                if shortSyllable() { return }
                cursor = limit - saved
            }
            sliceDelete()
        } else {
            guard inR2, eqBackward(UInt8(ascii: "l")) else { return }
            sliceDelete()
        }
    }

    /// Each `Y` back to `y`, when the prelude made any.
    private mutating func postlude() {
        guard foundY else { return }
        for i in 0..<limit where current[i] == Self.upperY {
            current[i] = Self.lowerY
            changed = true
        }
    }
}
