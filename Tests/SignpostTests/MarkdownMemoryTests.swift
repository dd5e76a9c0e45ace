#if os(Linux)
import Foundation
import Markdown
import Testing

/// Nodes taken out of a tree must be freed with their document. `signpost serve` keeps running for a whole day of
/// writing, and its reviews step takes the picture out of every point of every reviewed easy-read page on each
/// rebuild: when those nodes were never freed, the server grew by about 8 KB a save and never stopped growing.
@Suite("Markdown trees give their memory back")
struct MarkdownMemoryTests {
    /// The memory the process holds now, in bytes (Linux: the second number of /proc/self/statm, in pages).
    static func bytesInUse() -> Int {
        let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? ""
        let pages = statm.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    @Test func nodesTakenOutOfATreeAreFreedWithItsDocument() {
        // A page of 100 picture rows; each picture is taken out, as the reviews step does.
        let page = (1...100).map { "![Picture \($0)](pictures/p\($0).svg) Words \($0)." }.joined(separator: "\n\n")
        func parseAndTakeOutPictures() {
            let document = MarkdownDocument(page)
            var pictures: [MarkdownNode] = []
            document.root.walk { if $0.kind == .image { pictures.append($0) } }
            #expect(pictures.count == 100)
            for picture in pictures { picture.unlink() }
            // A node made outside the tree and never put in it is freed too.
            _ = MarkdownNode.wrapperBlock(enter: "<div>", exit: "</div>", in: document)
        }
        parseAndTakeOutPictures()
        // Lost nodes would be 100,000 pictures a round, with their addresses and words: over 30 MB every round.
        // Other tests running at the same time allocate too, and may grow the process in any one round, so the
        // least growth of three rounds is what counts: freed memory is used again, lost memory never is.
        var growths: [Int] = []
        for _ in 0..<3 {
            let before = Self.bytesInUse()
            for _ in 0..<1_000 { parseAndTakeOutPictures() }
            growths.append(Self.bytesInUse() - before)
        }
        #expect(growths.min()! < 8_000_000, "memory grew by \(growths) bytes over three rounds of 1,000 documents")
    }

    @Test func aNodePutBackIntoTheTreeIsFreedOnceWithIt() {
        // Taken out, then put back elsewhere: freed with the tree, never twice (a double free would crash here).
        for _ in 0..<200 {
            let document = MarkdownDocument("![A](a.svg) Words.\n\nAnother paragraph.")
            guard let first = document.root.firstChild, let picture = first.firstChild,
                  let second = first.next else {
                Issue.record("the document has the wrong shape")
                return
            }
            picture.unlink()
            second.append(picture)
            #expect(picture.parent == second)
            let wrapper = MarkdownNode.wrapperBlock(enter: "<div>", exit: "</div>", in: document)
            first.insertBefore(wrapper)
            wrapper.append(first)
        }
    }
}
#endif
