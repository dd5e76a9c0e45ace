import Foundation
import Testing
import EasyReadChecker
import SiteModel

/// Runs every case in `Fixtures/checker/<rule>/`: the findings of the rules a folder is about must be exactly the ones
/// its `expected.txt` lists, as `file:line rule`. The folder `clean` must have no findings at all, and `suppression`
/// lists every finding of every rule.
@Suite("Easy-read checker cases")
struct CheckerCaseTests {
    static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/checker")

    static var folders: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { $0 != "pictures" }.sorted()
    }

    static func checker() -> EasyReadChecker {
        let root = Self.root
        let environment = CheckEnvironment(pictureExists: { reference, pagePath in
            guard let path = ContentPath.resolve(reference, from: ContentPath.folder(of: pagePath)) else { return false }
            return FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        })
        return EasyReadChecker(environment: environment)
    }

    @Test(arguments: folders)
    func folder(_ name: String) throws {
        let source = DirectoryContentSource(root: Self.root)
        let expectedText = try String(contentsOf: Self.root.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        let everyRule = name == "clean" || name == "suppression"
        var found: [String] = []
        let files = try source.allFiles().filter { $0.hasPrefix(name + "/") && $0.hasSuffix(".md") }
        #expect(!files.isEmpty)
        for path in files {
            var problems: [Diagnostic] = []
            let page = try #require(ContentLoader().loadPage(path, from: source, diagnostics: &problems))
            #expect(problems.isEmpty)
            for finding in Self.checker().check(page) where everyRule || finding.rule == name {
                found.append("\(path.dropFirst(name.count + 1)):\(finding.line) \(finding.rule ?? "build")")
            }
        }
        #expect(found.sorted() == expected.sorted(), "\(name)")
    }
}
