import Markdown
import SiteModel

/// `hard-word`: words that are not common and not explained. On standard pages, only words with an easier word to use
/// instead are suggested: a standard page may use ordinary long words, and a checker that nags is not read.
struct HardWordRule: Rule {
    let id = RuleID.hardWord

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        var reported = Set<String>()
        let lists = environment.wordLists
        let lexicon = environment.lexicon
        for (blockIndex, block) in page.blocks.enumerated() {
            let words = page.words[blockIndex], ids = entries.ids[blockIndex]
            for index in words.indices {
                let word = words[index]
                guard !word.isAddress, !word.hasDigit, word.letters > 1 else { continue }
                var lower = word.lowercased
                var facts = lexicon[ids[index]]
                // `’` is written `'` in the word lists. Words in plain ASCII have none.
                if !word.isASCII, lower.contains(where: { $0 == "’" }) {
                    lower = String(lower.map { $0 == "’" ? "'" : $0 })
                    facts = lexicon.facts(for: lower)
                }
                // Names start with a capital: leave them, unless a hard word simply starts a sentence.
                let capitalised = word.isCapitalised
                if capitalised && !block.startsSentence(word) { continue }
                if facts?.isKnown == true || (!reported.isEmpty && reported.contains(lower)) { continue }
                if let facts, facts.hard >= 0 {
                    if facts.hardWordIsKnown { continue }
                    let easier = lexicon.hardWords[Int(facts.hard)].easier
                    reported.insert(lower)
                    let advice = easier.isEmpty ? "Explain it, or add it to the glossary." : "Try `\(easier)`, or explain it."
                    findings.add(id, at: block.position(at: word.offset), limits.level, "`\(word.text)` is a hard word.",
                                 suggestion: advice)
                    continue
                }
                guard page.isEasyRead, !capitalised, !(facts?.isCommon ?? lists.isCommon(lower)) else { continue }
                let parts = lower.split(separator: "-").map(String.init)
                guard parts.count == 1 || parts.contains(where: { !lists.isCommon($0) && !environment.knownWords.contains($0) }),
                      !WordLists.stems(of: lower).contains(where: environment.knownWords.contains) else { continue }
                reported.insert(lower)
                findings.add(id, at: block.position(at: word.offset), limits.level,
                             "`\(word.text)` may be hard to understand.",
                             suggestion: "Use an easier word, explain it, or add it to the glossary.")
            }
        }
    }
}

/// `abbreviation`: initials that are not explained in the same or the next sentence, nor in the glossary; and
/// `e.g.`, `i.e.` and `etc.`, which are errors in easy read.
struct AbbreviationRule: Rule {
    let id = RuleID.abbreviation
    static let latin: [(text: String, easier: String)] = [("e.g.", "for example"), ("i.e.", "that means"),
                                                          ("etc.", "and more"), ("eg", "for example"), ("ie", "that means")]
    /// The same, as scalars, made once rather than at every `e` and `i` of every page.
    static let latinScalars: [(text: String, scalars: [Unicode.Scalar], easier: String)] =
        latin.map { ($0.text, Array($0.text.unicodeScalars), $0.easier) }
    static let smallWords: Set<String> = ["of", "and", "the", "for", "from", "with", "in", "on", "to", "a"]

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        var reported = Set<String>()
        for ((block, sentences), words) in zip(page.blocksWithSentences, page.words) {
            let allSentences = sentences.isEmpty ? [Sentence(range: 0..<block.characters.count, words: words)] : sentences
            for (index, sentence) in allSentences.enumerated() {
                // Words are read where they are and copied only when they may be initials: copying every word of
                // every page, strings and all, cost more than the rest of the rule.
                let words = sentence.words
                for position in words.indices where !words[position].isAddress
                    && (words[position].looksLikeInitials
                        || (words[position].capitals > 0 && environment.wordLists.initials[words[position].text] != nil)) {
                    let word = words[position]
                    guard !reported.contains(word.text), !environment.knownTerms.contains(word.text),
                          !environment.knownWords.contains(word.lowercased) else { continue }
                    // Four or more capitals that are not known initials are shouting: the capitals rule says so.
                    if page.isEasyRead, word.text.count >= 4, environment.wordLists.initials[word.text] == nil { continue }
                    let nearby = Array(allSentences[index...].prefix(2))
                    if explained(word.text, in: nearby, block: block, environment) { continue }
                    reported.insert(word.text)
                    let meaning = environment.wordLists.initials[word.text]
                    findings.add(id, at: block.position(at: word.offset), limits.level, "`\(word.text)` is not explained.",
                                 suggestion: meaning.map { "Say what it means the first time: \($0)." }
                                     ?? "Say what it means the first time, or add it to the glossary.")
                }
            }
            checkLatin(block, page, limits, &findings)
        }
    }

    /// Explained when the sentence or the next has its meaning, words whose first letters spell it, or "stands for".
    private func explained(_ initials: String, in sentences: [Sentence], block: TextBlock,
                           _ environment: CheckEnvironment) -> Bool {
        let letters = Array(initials.filter(\.isUppercase).lowercased())
        for sentence in sentences {
            let text = String(scalars: block.characters[sentence.range]).lowercased()
            if let meaning = environment.wordLists.initials[initials], text.contains(meaning.lowercased()) { return true }
            if text.contains("stands for") || text.contains("short for") { return true }
            let firsts = sentence.words.map(\.lowercased).filter { !Self.smallWords.contains($0) }.compactMap(\.first)
            if letters.count >= 2, firsts.count >= letters.count {
                for start in 0...(firsts.count - letters.count) where Array(firsts[start..<start + letters.count]) == letters {
                    return true
                }
            }
        }
        return false
    }

    private func checkLatin(_ block: TextBlock, _ page: CheckedPage, _ limits: RuleLimits, _ findings: inout Findings) {
        let characters = block.characters
        let n = characters.count
        for i in 0..<n where characters[i].asciiLowercased == "e" || characters[i].asciiLowercased == "i" {
            if i > 0, characters[i - 1].isLetter { continue }
            for (text, target, easier) in Self.latinScalars {
                guard i + target.count <= n,
                      zip(characters[i..<i + target.count], target).allSatisfy({ $0.asciiLowercased == $1 }) else { continue }
                let after: Unicode.Scalar = i + target.count < n ? characters[i + target.count] : " "
                // `e.g.` and `i.e.` as written; bare `eg` and `ie` only with a comma or colon after them.
                if !text.hasSuffix(".") && after != "," && after != ":" { continue }
                if text.hasSuffix("."), after.isLetter { continue }
                let level: DiagnosticLevel = page.isEasyRead ? .error : limits.level
                findings.add(id, at: block.position(at: i), level, "`\(text)` is hard to understand.",
                             suggestion: "Write `\(easier)` instead.")
                break
            }
        }
    }
}

/// `capitals`: words of 4 or more letters in capitals that are not known initials.
struct CapitalsRule: Rule {
    let id = RuleID.capitals

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        page.forEachWord { word, block in
            guard !word.isAddress, word.letters >= 4, word.capitals == word.letters, environment.wordLists.initials[word.text] == nil,
                  !environment.knownTerms.contains(word.text) else { return }
            findings.add(id, at: block.position(at: word.offset), limits.level,
                         "`\(word.text)` is in capitals. Capitals are hard to read and can feel like shouting.",
                         suggestion: "Write it in small letters. Use bold to make it stand out.")
        }
    }
}

/// `number-words`: numbers written as words; easy read uses digits. "one" is fine.
struct NumberWordsRule: Rule {
    let id = RuleID.numberWords
    static let values: [String: Int] = [
        "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    ]

    /// `three` → 3, `twenty-one` → 21; nil for anything else.
    static func value(of word: String) -> Int? {
        let parts = word.split(separator: "-").map(String.init)
        if parts.count == 1 { return values[parts[0]] }
        guard parts.count == 2, let tens = values[parts[0]], tens >= 20, tens < 100 else { return nil }
        let unit = parts[1] == "one" ? 1 : values[parts[1]]
        guard let unit, unit < 10 else { return nil }
        return tens + unit
    }

    /// Every word `value(of:)` knows, for the lexicon.
    static let allWords: [String] = {
        var words = Array(values.keys)
        for (tens, value) in values where value >= 20 && value < 100 {
            words.append(tens + "-one")
            for (unit, value) in values where value < 10 { words.append(tens + "-" + unit) }
        }
        return words
    }()

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        let lexicon = environment.lexicon
        for (blockIndex, block) in page.blocks.enumerated() {
            for (index, word) in page.words[blockIndex].enumerated() {
                guard let value = lexicon[entries.ids[blockIndex][index]]?.number else { continue }
                findings.add(id, at: block.position(at: word.offset), limits.level,
                             "`\(word.text)` is a number written as a word.", suggestion: "Write `\(value)` instead.")
            }
        }
    }
}
