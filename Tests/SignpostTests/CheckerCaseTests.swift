import Foundation
import Testing
import EasyReadChecker
import SiteModel

/// Runs every case in `Fixtures/checker/<rule>/`: the findings of the rules a folder is about must be exactly the ones
/// its `expected.txt` lists, one a line as `file:line:column level rule message` (lines starting `#` are comments).
/// The folder `clean` must have no findings at all, and `suppression` lists every finding of every rule.
@Suite("Easy-read checker cases")
struct CheckerCaseTests {
    static let root = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/checker")
    /// One folder for each rule, and `clean` and `suppression`.
    static let fewestCases = 21

    /// The case folders. An unreadable fixtures folder gives no cases, which `theCasesAreThere` reports.
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

    /// One finding as `expected.txt` writes it.
    static func line(_ finding: Diagnostic, in folder: String) -> String {
        "\(finding.file.dropFirst(folder.count + 1)):\(finding.line):\(finding.column) \(finding.level.rawValue) "
            + "\(finding.rule ?? "build") \(finding.message)"
    }

    /// The findings for one case folder, in `expected.txt`'s form, in order of place.
    static func findings(in name: String) throws -> [String] {
        let source = DirectoryContentSource(root: root)
        let everyRule = name == "clean" || name == "suppression"
        let files = try source.allFiles().filter { $0.hasPrefix(name + "/") && $0.hasSuffix(".md") }.sorted()
        #expect(!files.isEmpty, "\(name) has no pages")
        var found: [Diagnostic] = []
        for path in files {
            var problems: [Diagnostic] = []
            let page = try #require(ContentLoader().loadPage(path, from: source, diagnostics: &problems))
            #expect(problems.isEmpty, "\(problems.map(\.formatted))")
            found += Self.checker().check(page).filter { everyRule || $0.rule == name }
        }
        return found.sortedByPlace().map { line($0, in: name) }
    }

    @Test func theCasesAreThere() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root.path).filter { $0 != "pictures" }
        #expect(names.count >= Self.fewestCases, "only \(names.count) case folders in \(Self.root.path)")
        for name in names {
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("\(name)/expected.txt").path),
                    "\(name) has no expected.txt")
        }
    }

    @Test(arguments: folders)
    func folder(_ name: String) throws {
        let expectedText = try String(contentsOf: Self.root.appendingPathComponent("\(name)/expected.txt"), encoding: .utf8)
        let expected = expectedText.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        if name != "clean" {
            #expect(!expected.isEmpty, "\(name) expects nothing, so it cannot show its rule working")
        }
        let found = try Self.findings(in: name)
        #expect(found.sorted() == expected.sorted(), "\(name): found\n\(found.joined(separator: "\n"))")
    }
}
