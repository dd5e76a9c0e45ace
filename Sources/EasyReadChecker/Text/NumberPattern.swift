import SiteModel

/// Finds dates and fractions written in digits, by scanning characters (much faster than regular expressions, which
/// matters on a site of thousands of pages).
enum NumberPattern {
    /// A run of ASCII digits starting at `start`: its end.
    static func digits(_ characters: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        while end < characters.count, characters[end].isASCII, characters[end].isDigit { end += 1 }
        return end
    }

    static func isDigit(_ characters: [Unicode.Scalar], _ index: Int) -> Bool {
        index >= 0 && index < characters.count && characters[index].isASCII && characters[index].isDigit
    }

    /// Starts of digit runs: a digit with no digit, and none of `joiners` after a digit, just before it.
    private static func runStarts(_ characters: [Unicode.Scalar], joiners: StaticString) -> [Int] {
        var starts: [Int] = []
        for i in characters.indices where isDigit(characters, i) {
            if isDigit(characters, i - 1) { continue }
            if i > 0, characters[i - 1].isOne(of: joiners), isDigit(characters, i - 2) { continue }
            starts.append(i)
        }
        return starts
    }

    /// `12/03/2026`, `12.03.26`, `12-03-2026` (day, month, year) and `2026-03-12`.
    static func dates(in characters: [Unicode.Scalar]) -> [(range: Range<Int>, date: CalendarDate?)] {
        var found: [(Range<Int>, CalendarDate?)] = []
        for start in runStarts(characters, joiners: "/.-") {
            let firstEnd = digits(characters, from: start)
            guard firstEnd < characters.count, characters[firstEnd].isOne(of: "/.-") else { continue }
            let separator = characters[firstEnd]
            let secondEnd = digits(characters, from: firstEnd + 1)
            guard secondEnd > firstEnd + 1, secondEnd < characters.count, characters[secondEnd] == separator else { continue }
            let thirdEnd = digits(characters, from: secondEnd + 1)
            let lengths = (firstEnd - start, secondEnd - firstEnd - 1, thirdEnd - secondEnd - 1)
            // Not followed by more of the same pattern.
            if thirdEnd < characters.count, characters[thirdEnd].isOne(of: "/-") || (characters[thirdEnd] == "." && isDigit(characters, thirdEnd + 1)) {
                continue
            }
            func number(_ from: Int, _ to: Int) -> Int { Int(String(scalars: characters[from..<to])) ?? 0 }
            if lengths.0 == 4 && lengths.1 == 2 && lengths.2 == 2 && separator == "-" {
                found.append((start..<thirdEnd, CalendarDate(year: number(start, firstEnd), month: number(firstEnd + 1, secondEnd),
                                                             day: number(secondEnd + 1, thirdEnd))))
            } else if (1...2).contains(lengths.0) && (1...2).contains(lengths.1) && (lengths.2 == 2 || lengths.2 == 4) {
                let year = number(secondEnd + 1, thirdEnd)
                found.append((start..<thirdEnd, CalendarDate(year: lengths.2 == 2 ? 2000 + year : year,
                                                             month: number(firstEnd + 1, secondEnd), day: number(start, firstEnd))))
            }
        }
        return found
    }

    /// `1/3`, `3/4`: two numbers and one slash, not part of a date or a longer number.
    static func fractions(in characters: [Unicode.Scalar]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        for start in runStarts(characters, joiners: "/.") {
            let firstEnd = digits(characters, from: start)
            guard firstEnd < characters.count, characters[firstEnd] == "/" else { continue }
            let secondEnd = digits(characters, from: firstEnd + 1)
            guard secondEnd > firstEnd + 1 else { continue }
            if secondEnd < characters.count, characters[secondEnd] == "/" { continue }
            found.append(start..<secondEnd)
        }
        return found
    }
}
