import Foundation
import SiteModel

extension WordLists {
    /// A hash of the word lists Signpost ships with, so that a build cache made with other lists is not trusted: the
    /// lists can change without the program changing.
    public static let version: String = {
        var hash = SHA256()
        for name in ["common-words.txt", "everyday-words.txt", "hard-phrases.tsv", "hard-words.tsv", "initials.tsv"] {
            let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Data")
                ?? Bundle.module.url(forResource: name, withExtension: nil)
            hash.update(Array(name.utf8) + [0])
            hash.update(url.flatMap { try? Data(contentsOf: $0) } ?? Data())
        }
        return hash.finish().hex
    }()
}
