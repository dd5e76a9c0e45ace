import Foundation
import SiteModel

extension WordLists {
    /// A hash of the word lists built into Signpost, part of the build cache's key, so that a cache is never trusted
    /// by a checker with other lists, even one built into a program file with the same size and time.
    public static let version: String = {
        var hash = SHA256()
        for name in ["common-words.txt", "everyday-words.txt", "hard-phrases.tsv", "hard-words.tsv", "initials.tsv"] {
            hash.update(Array(name.utf8) + [0])
            hash.update(data(of: name))
        }
        return hash.finish().hex
    }()
}
