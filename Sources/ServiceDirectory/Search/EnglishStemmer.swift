/// The Snowball English stemmer ("Porter 2"), so that search finds "sitter" for "sitters" and "nurse" for "nursing":
/// the index holds the stem of each word and the browser stems what people type the same way (`stemmer.js`).
///
/// This follows `english.sbl` as Snowball 3.1.1 compiles it (the version of the `snowballstemmer` package pinned in
/// Tests/Browser/requirements.txt, which the tests compare this with, word for word: Fixtures/english-stems.tsv), step
/// by step, with the same cursor, slice and "among" operations, so that odd words (apostrophes, digits, letters
/// outside a to z) come out exactly as the reference leaves them. It works on the word's Unicode scalars, as the
/// reference works on Python's code points: a letter outside a to z is simply not a vowel.
///
/// It is fast enough to run over every word of every service: one small array per word, no regular expressions and
/// no Foundation string operations, and words of plain letters a to z that are too short to change are returned as
/// they are.
public enum EnglishStemmer {
    /// The stem of one word, which should already be lowercase (as `SearchTokens` gives it).
    public static func stem(_ word: String) -> String {
        // Snowball leaves words of fewer than three letters alone (after its list of exceptions, none that short).
        if word.utf8.count < 3 { return word }
        var scalars: [UInt32] = []
        scalars.reserveCapacity(word.utf8.count + 2)
        var ascii = true
        for byte in word.utf8 {
            if byte >= 0x80 { ascii = false }
            scalars.append(UInt32(byte))
        }
        if !ascii {
            scalars.removeAll(keepingCapacity: true)
            for scalar in word.unicodeScalars { scalars.append(scalar.value) }
        }
        var stemmer = EnglishStemming(scalars)
        guard stemmer.run() else { return word }
        let letters = stemmer.current[0..<stemmer.limit]
        if ascii { return String(decoding: letters.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self) }
        var text = String.UnicodeScalarView()
        for value in letters {
            if let scalar = Unicode.Scalar(value) { text.append(scalar) }
        }
        return String(text)
    }
}
