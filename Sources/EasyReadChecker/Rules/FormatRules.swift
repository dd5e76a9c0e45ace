import Markdown
import SiteModel

/// `percentage`: percentages, fractions and decimals that are not money. Easy read says "1 in 4" or "most".
struct PercentageRule: Rule {
    let id = RuleID.percentage
    static let fractions: Set<Unicode.Scalar> = ["½", "⅓", "⅔", "¼", "¾", "⅕", "⅛"]

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        let advice = "Say it another way, like `1 in 4 people` or `most people`."
        for (block, words) in page.blocksWithWords {
            let characters = block.characters
            for (i, c) in characters.enumerated() where c == "%" || (!c.isASCII && Self.fractions.contains(c)) {
                findings.add(id, at: block.position(at: i), limits.level,
                             c == "%" ? "Percentages are hard to understand." : "Fractions are hard to understand.",
                             suggestion: advice)
            }
            for (index, word) in words.enumerated() {
                let lower = word.lowercased
                if lower == "percent" || (lower == "per" && index + 1 < words.count && words[index + 1].lowercased == "cent") {
                    findings.add(id, at: block.position(at: word.offset), limits.level, "Percentages are hard to understand.",
                                 suggestion: advice)
                } else if word.isNumber, word.text.contains("."), !"£$€".contains(word.text.first!) {
                    findings.add(id, at: block.position(at: word.offset), limits.level,
                                 "`\(word.text)` is a decimal number. Decimals are hard to understand.",
                                 suggestion: "Round it to a whole number, like `about \(Int((Double(word.text.filter { $0 != "," }) ?? 0).rounded()))`.")
                }
            }
            // A fraction such as 1/3: two numbers and one slash, not part of a date.
            for match in NumberPattern.fractions(in: characters) {
                findings.add(id, at: block.position(at: match.lowerBound), limits.level,
                             "`\(String(scalars: characters[match]))` is a fraction. Fractions are hard to understand.",
                             suggestion: advice)
            }
        }
    }
}

/// `date-format`: dates written only in numbers, such as 12/03/2026 or 2026-03-12.
struct DateFormatRule: Rule {
    let id = RuleID.dateFormat

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        for block in page.blocks {
            for date in NumberPattern.dates(in: block.characters) {
                let written = String(scalars: block.characters[date.range])
                findings.add(id, at: block.position(at: date.range.lowerBound), limits.level,
                             "`\(written)` is a date written in numbers. It is easy to misread.",
                             suggestion: "Write it like `\(date.date?.long ?? "12 March 2026")`.")
            }
        }
    }
}

/// `punctuation`: semicolons, ampersands, a slash between words, and brackets.
struct PunctuationRule: Rule {
    let id = RuleID.punctuation

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        for block in page.blocks {
            let characters = block.characters
            var seen = Set<Unicode.Scalar>()
            for (i, c) in characters.enumerated() where !seen.contains(Self.kind(of: c)) {
                let message: (String, String)?
                switch c {
                case ";": message = ("Semicolons are hard to read.", "Use a full stop and start a new sentence.")
                case "&": message = ("`&` is hard to read.", "Write `and`.")
                case "(", ")", "[", "]":
                    message = ("Brackets are hard to read.", "Put the words in brackets in a sentence of their own.")
                case "/" where i > 0 && i + 1 < characters.count && characters[i - 1].isLetter
                    && characters[i + 1].isLetter && !isInAddress(characters, at: i):
                    message = ("A slash between words is hard to read.", "Write `or` or `and` instead.")
                default: message = nil
                }
                guard let (text, advice) = message else { continue }
                seen.insert(Self.kind(of: c))
                findings.add(id, at: block.position(at: i), limits.level, text, suggestion: advice)
            }
        }
    }

    /// Brackets of every shape count as one kind of mark, so a pair is reported once.
    static func kind(of character: Unicode.Scalar) -> Unicode.Scalar { character.isOne(of: "()[]") ? "(" : character }

    /// Whether the slash is part of a web or email address written out in the text.
    private func isInAddress(_ characters: [Unicode.Scalar], at index: Int) -> Bool {
        var start = index, end = index
        while start > 0, !characters[start - 1].isSpace { start -= 1 }
        while end < characters.count, !characters[end].isSpace { end += 1 }
        let token = String(scalars: characters[start..<end]).lowercased()
        return token.contains("://") || token.hasPrefix("www.") || token.contains("@")
            || [".org", ".com", ".uk", ".net", ".gov"].contains { token.contains($0) }
    }
}

/// `passive-voice`: a form of "be" followed by a past participle ("is paid", "was told"). A suggestion only.
struct PassiveVoiceRule: Rule {
    let id = RuleID.passiveVoice
    static let be: Set<String> = ["am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't",
                                  "weren't"]
    static let between: Set<String> = ["not", "also", "often", "always", "never", "usually", "sometimes", "being",
                                       "only", "then", "still"]
    static let irregular: Set<String> = [
        "made", "given", "taken", "done", "seen", "known", "written", "paid", "told", "found", "sent", "held", "kept",
        "brought", "bought", "built", "caught", "chosen", "drawn", "driven", "eaten", "fallen", "forgotten", "heard",
        "hidden", "hurt", "led", "lost", "meant", "met", "put", "run", "said", "shown", "sold", "spent", "stolen",
        "taught", "thought", "thrown", "understood", "won", "worn", "set", "left", "got", "gotten", "felt", "born",
    ]
    /// Words ending in -ed that are usually adjectives after "be".
    static let adjectives: Set<String> = [
        "tired", "worried", "interested", "bored", "scared", "excited", "pleased", "married", "retired", "disabled",
        "qualified", "concerned", "involved", "needed", "based", "related", "aged", "called", "red", "bed", "shed",
        "used", "allowed", "unexpected", "ashamed", "amazed", "annoyed", "confused", "surprised", "relaxed",
        "prepared", "skilled", "trained", "experienced", "closed", "limited", "detailed", "shared",
    ]

    static func isParticiple(_ word: String) -> Bool {
        if irregular.contains(word) { return true }
        return word.hasSuffix("ed") && word.count > 4 && !adjectives.contains(word)
    }

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        let lexicon = environment.lexicon
        for (blockIndex, (block, sentences)) in page.blocksWithSentences.enumerated() {
            let ids = entries.ids[blockIndex]
            for sentence in sentences {
                let first = sentence.firstWord
                // Most sentences have no form of "be": they are passed over without making anything.
                guard sentence.words.indices.contains(where: { lexicon[ids[first + $0]]?.isBe == true }) else { continue }
                let words = sentence.words.map(\.lowercased)
                for i in words.indices where lexicon[ids[first + i]]?.isBe == true {
                    var j = i + 1
                    if j < words.count, Self.between.contains(words[j]) { j += 1 }
                    guard j < words.count, Self.isParticiple(words[j]) else { continue }
                    let phrase = sentence.words[i...j].map(\.text).joined(separator: " ")
                    findings.add(id, at: block.position(at: sentence.words[i].offset), limits.level,
                                 "`\(phrase)` may be passive. It can hide who does what.",
                                 suggestion: "Say who does it, like `The council pays` instead of `It is paid`.")
                    break
                }
            }
        }
    }
}

/// `hard-phrase`: idioms and Latin or foreign phrases.
struct HardPhraseRule: Rule {
    let id = RuleID.hardPhrase

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        let index = environment.wordLists.phrasesByFirstWord
        let lexicon = environment.lexicon
        for (blockIndex, (block, words)) in page.blocksWithWords.enumerated() {
            let ids = entries.ids[blockIndex]
            var start = 0
            while start < words.count {
                var matched = 1
                guard lexicon[ids[start]]?.startsPhrase == true else {
                    start += 1
                    continue
                }
                for phrase in index[words[start].lowercased] ?? [] where start + phrase.words.count <= words.count {
                    var same = true
                    for k in 1..<max(phrase.words.count, 1) where words[start + k].lowercased != phrase.words[k] {
                        same = false
                        break
                    }
                    guard same else { continue }
                    // "per cent" belongs to the percentage rule.
                    if phrase.words == ["per"], start + 1 < words.count, words[start + 1].lowercased == "cent" { break }
                    findings.add(id, at: block.position(at: words[start].offset), limits.level,
                                 "`\(phrase.phrase)` is a hard phrase.",
                                 suggestion: phrase.easier.isEmpty ? "Say it in plain words." : "Write `\(phrase.easier)` instead.")
                    matched = phrase.words.count
                    break
                }
                start += matched
            }
        }
    }
}

/// `consistent-terms`: more than one word from a group of words that mean the same, on one page.
struct ConsistentTermsRule: Rule {
    let id = RuleID.consistentTerms

    func check(_ page: CheckedPage, _ environment: CheckEnvironment, _ entries: PageEntries, _ limits: RuleLimits, _ findings: inout Findings) {
        // Where each term is first used on the page, by group: block number, then word number. Each word of the page
        // is looked up once, by itself and without a plural ending, among the terms' first words.
        var firstUse: [Int: [(term: Int, block: Int, word: Int)]] = [:]
        var found = Set<SynonymTerm>()
        let lexicon = environment.lexicon
        for (blockIndex, words) in page.words.enumerated() {
            let ids = entries.ids[blockIndex]
            for start in words.indices {
                guard let candidates = lexicon[ids[start]]?.synonyms, !candidates.isEmpty else { continue }
                for candidate in lexicon.synonymTerms[Int(candidates.lowerBound)..<Int(candidates.upperBound)]
                    where !found.contains(candidate) {
                    let termWords = environment.synonymWords[candidate.group][candidate.term]
                    guard start + termWords.count <= words.count,
                          zip(termWords, words[start...]).allSatisfy({ Self.matches($1.lowercased, $0) }) else { continue }
                    found.insert(candidate)
                    firstUse[candidate.group, default: []].append((candidate.term, blockIndex, start))
                }
            }
        }
        for group in firstUse.keys.sorted() {
            guard let uses = firstUse[group], uses.count > 1 else { continue }
            let sorted = uses.sorted { ($0.block, $0.word) < ($1.block, $1.word) }
            let second = sorted[1]
            let block = page.blocks[second.block]
            let terms = environment.synonymGroups[group]
            findings.add(id, at: block.position(at: page.words[second.block][second.word].offset), limits.level,
                         "This page says both `\(terms[sorted[0].term])` and `\(terms[second.term])`. They mean the same thing.",
                         suggestion: "Use one of them all through the page, so readers know it is one thing.")
        }
    }

    /// The terms that may start at a page's word, lowercased: those whose first word is the word itself, or the word
    /// without a plural `s` or `es`, in that order. Worked out once per word of the lexicon.
    static func candidates(for text: String, in starts: [String: [SynonymTerm]]) -> [SynonymTerm] {
        var keys = [text]
        if text.hasSuffix("s") { keys.append(String(text.dropLast())) }
        if text.hasSuffix("es") { keys.append(String(text.dropLast(2))) }
        return keys.flatMap { starts[$0] ?? [] }
    }

    /// A word of the page matches a word of a term as written, or with a plural `s` or `es`.
    private static func matches(_ word: String, _ termWord: String) -> Bool {
        word == termWord || word == termWord + "s" || word == termWord + "es"
    }
}
