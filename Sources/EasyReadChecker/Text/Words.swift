/// A word: a run of letters or digits, with inner apostrophes and hyphens (`don't`, `self-advocacy`) and, inside
/// numbers, commas and points (`£1,880,448`, `14.33`). A currency sign before a number belongs to it.
public struct Word: Sendable, Hashable {
    public let text: String
    /// Offset of the word's first character in its block.
    public let offset: Int
    /// Whether the word is a web or email address written out, such as `info@example.org`: it counts as one word and
    /// is never a hard word.
    public var isAddress = false

    init(text: String, offset: Int, isAddress: Bool = false, isNumber: Bool = false, lowercased: String? = nil) {
        self.text = text
        self.offset = offset
        self.isAddress = isAddress
        self.isNumber = isNumber
        self.lowercased = lowercased ?? text.lowercased()
    }

    /// A word that is not an address, with what was counted while it was split off.
    init(text: String, offset: Int, lowercased: String, letters: Int, capitals: Int, hasDigit: Bool,
         isCapitalised: Bool, isASCII: Bool) {
        self.text = text
        self.offset = offset
        self.lowercased = lowercased
        self.letters = letters
        self.capitals = capitals
        self.hasDigit = hasDigit
        self.isNumber = hasDigit && letters == 0
        self.isCapitalised = isCapitalised
        self.isASCII = isASCII
    }

    /// The word in lower case, made once.
    public let lowercased: String

    /// Whether the word is a number, such as `14`, `1,880` or `£40.71`.
    public var isNumber = false
    /// How many letters the word has, and how many of them are capitals: found once, when the word is split off.
    public var letters = 0, capitals = 0
    /// Whether the word has a digit, and whether it starts with a capital.
    public var hasDigit = false, isCapitalised = false
    /// Whether the word is written in ASCII only, so that rules can skip looking for curly apostrophes and the like.
    var isASCII = false

    /// All capitals, at least two letters: NHS, GPs (a plural `s` may follow).
    public var looksLikeInitials: Bool {
        letters >= 2 && (capitals == letters || (capitals == letters - 1 && text.hasSuffix("s") && capitals >= 2))
    }

    @inline(__always)
    static func isWordCharacter(_ c: Unicode.Scalar) -> Bool { c.isLetterOrDigit }

    static func split(_ characters: [Unicode.Scalar], in range: Range<Int>) -> [Word] {
        var words: [Word] = []
        // About one word in six characters in English text: reserving that avoids most regrowing.
        words.reserveCapacity(range.count / 6 + 1)
        var i = range.lowerBound
        let end = range.upperBound
        // The run without spaces that the current word is in: found once per run, not once per word, so that a long
        // run with many words in it (`a/b/c/…`) is still read in one pass.
        var run = AddressRun(end: range.lowerBound, lastMark: -1)
        while i < end {
            let c = characters[i]
            let startsNumber = (c == "£" || c == "$" || c == "€") && i + 1 < end && characters[i + 1].isDigit
            guard isWordCharacter(c) || startsNumber else {
                i += 1
                continue
            }
            let start = i
            if start >= run.end { run = AddressRun(characters, from: start, to: end) }
            if let address = run.addressEnd(characters, from: start) {
                words.append(Word(text: String(scalars: characters[start..<address]), offset: start, isAddress: true))
                i = address
                continue
            }
            i += 1
            while i < end {
                let c = characters[i]
                if isWordCharacter(c) {
                    i += 1
                } else if c == "'" || c == "’" || c == "-", i + 1 < end, isWordCharacter(characters[i + 1]), isWordCharacter(characters[i - 1]) {
                    i += 1
                } else if c == "," || c == ".", characters[i - 1].isDigit, i + 1 < end, characters[i + 1].isDigit {
                    i += 1
                } else if c == ".", i + 1 < end, characters[i + 1].isLetter, characters[i - 1].isLetter,
                          i - 2 < start || !characters[i - 2].isLetter {
                    // Initials written with points, such as e.g. and i.e.
                    i += 1
                } else {
                    break
                }
            }
            let slice = characters[start..<i]
            var letters = 0, capitals = 0, hasDigit = false, ascii = true
            for scalar in slice {
                if !scalar.isASCII { ascii = false }
                if scalar.isLetter {
                    letters += 1
                    if scalar.isUppercase { capitals += 1 }
                } else if scalar.isDigit {
                    hasDigit = true
                }
            }
            // Most words are plain ASCII in small letters: their lower-case form is the word itself, made once.
            let text = String(scalars: slice)
            // Made in place in the array: building the word first and then appending it copied it, strings and all.
            words.append(Word(text: text, offset: start,
                              lowercased: ascii && capitals == 0 ? text : String(lowercasing: slice),
                              letters: letters, capitals: capitals, hasDigit: hasDigit,
                              isCapitalised: slice.first?.isUppercase == true, isASCII: ascii))
        }
        return words
    }
}

/// A run of characters without spaces, and where the last `@` or `://` in it is: what decides whether a word that
/// starts in the run begins a web or email address.
private struct AddressRun {
    /// Where the run stops: at a space, or at the end of the text.
    let end: Int
    /// Where the last `@` or `://` of the run is, or -1.
    let lastMark: Int

    init(end: Int, lastMark: Int) {
        self.end = end
        self.lastMark = lastMark
    }

    init(_ characters: [Unicode.Scalar], from start: Int, to limit: Int) {
        var stop = start, mark = -1
        while stop < limit, !characters[stop].isSpace {
            let c = characters[stop]
            if c == "@" || (c == ":" && stop + 2 < limit && characters[stop + 1] == "/" && characters[stop + 2] == "/") {
                mark = stop
            }
            stop += 1
        }
        self.init(end: stop, lastMark: mark)
    }

    /// The end of a web or email address starting at `start`, if one does: the rest of the run, when it has `@` or
    /// `://` or starts with `www.`. Full stops and commas after it are left out.
    func addressEnd(_ characters: [Unicode.Scalar], from start: Int) -> Int? {
        if lastMark < start {
            guard end - start > 4, characters[start] == "w" || characters[start] == "W",
                  String(scalars: characters[start..<start + 4]).lowercased() == "www." else { return nil }
        }
        var stop = end
        while stop > start, characters[stop - 1].isOne(of: ".,;:!?)]\"'”’") { stop -= 1 }
        return stop
    }
}

/// A sentence inside a block.
public struct Sentence: Sendable {
    /// Where the sentence is in its block's characters.
    public let range: Range<Int>
    public let words: [Word]
    /// Where the sentence's first word is among its block's words, so that what is known about each word of the
    /// block can be read for the sentence's words too.
    var firstWord = 0

    init(range: Range<Int>, words: [Word], firstWord: Int = 0) {
        self.range = range
        self.words = words
        self.firstWord = firstWord
    }

    /// Words that never end a sentence when a full stop follows them.
    static let abbreviations: Set<String> = ["dr", "mr", "mrs", "ms", "st", "prof", "e.g", "i.e", "eg", "ie", "vs",
                                             "approx", "cf", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                                             "sept", "oct", "nov", "dec", "tel", "ref"]

    /// Splits text into sentences. A sentence ends at `.`, `!` or `?` followed by a space or the end, but not after a
    /// known abbreviation (Dr, Mrs, e.g.), `No.` before a number, a single initial, or before a lowercase word.
    /// What is left at the end is a sentence too, full stop or not.
    static func split(_ characters: [Unicode.Scalar]) -> [Sentence] {
        split(characters, words: Word.split(characters, in: 0..<characters.count))
    }

    /// Splits text whose words are already known, so that they are not found twice.
    static func split(_ characters: [Unicode.Scalar], words: [Word]) -> [Sentence] {
        var result: [Sentence] = []
        var start = 0
        var i = 0
        var nextWord = 0
        let n = characters.count
        func add(_ end: Int) {
            let first = nextWord
            while nextWord < words.count, words[nextWord].offset < end { nextWord += 1 }
            if nextWord > first {
                result.append(Sentence(range: start..<end, words: Array(words[first..<nextWord]), firstWord: first))
            }
            start = end
        }
        while i < n {
            let c = characters[i]
            if c == "." || c == "?" || c == "!" || c == "…" {
                var j = i + 1
                while j < n, characters[j].isOne(of: "?!.…\"'”’)]") { j += 1 }
                if j == n || characters[j].isSpace {
                    if c == "." && continuesAfterFullStop(characters, at: i, next: j) {
                        i = j
                        continue
                    }
                    add(j)
                    i = j
                    continue
                }
                i = j
                continue
            }
            i += 1
        }
        add(n)
        return result
    }

    private static func continuesAfterFullStop(_ characters: [Unicode.Scalar], at dot: Int, next: Int) -> Bool {
        // The word before the full stop, with inner dots (e.g).
        var k = dot
        while k > 0, characters[k - 1].isLetter || characters[k - 1] == "." { k -= 1 }
        let before = String(scalars: characters[k..<dot])
        var nextWord = next
        while nextWord < characters.count, characters[nextWord].isSpace { nextWord += 1 }
        let following = nextWord < characters.count ? characters[nextWord] : nil
        if abbreviations.contains(before.lowercased()) { return true }
        if before == "No", following?.isDigit == true { return true }
        if before.count == 1, before.first?.isUppercase == true, following?.isUppercase == true { return true }
        if let following, following.isLowercase { return true }
        return false
    }
}
