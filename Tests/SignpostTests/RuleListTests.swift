import EasyReadChecker
import Foundation
import SiteModel
import Testing

/// `signpost check --list-rules`: every rule with its defaults, which the documentation's rule pages are written from.
@Suite("The list of rules")
struct RuleListTests {
    @Test("lists every rule once, in RuleID's order, with CheckSettings' defaults")
    func everyRule() throws {
        let entries = RuleList.entries
        #expect(entries.map(\.id) == RuleID.allCases.map(\.rawValue))
        for (entry, rule) in zip(entries, RuleID.allCases) {
            #expect(entry.summary == rule.summary)
            for format in PageFormat.allCases {
                let limits = CheckSettings.defaults.limits(rule, for: format)
                let listed = try #require(entry.formats[format.rawValue])
                #expect(listed.enabled == limits.enabled && listed.level == limits.level.rawValue)
                #expect(listed.suggestion == limits.suggestion && listed.warning == limits.warning
                        && listed.error == limits.error)
            }
        }
    }

    @Test("describes a default as the README's table did")
    func describe() throws {
        let sentences = try #require(RuleList.entries.first { $0.id == "sentence-length" })
        #expect(RuleList.describe(sentences.formats["easy-read"]!) == "warning over 15, error over 25")
        let cue = try #require(RuleList.entries.first { $0.id == "picture-cue" })
        #expect(RuleList.describe(cue.formats["standard"]!) == "off")
        #expect(RuleList.describe(cue.formats["easy-read"]!) == "error")
    }

    @Test("signpost check --list-rules --format json prints the list and needs no content folder")
    func command() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rule-list-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandTests().run(["check", "--list-rules", "--format", "json", "--content", folder.path + "/none"])
        #expect(run.status == 0, "\(run.errors)")
        let document = try JSONDecoder().decode(RuleList.Document.self, from: Data(run.output.utf8))
        #expect(document.version == 1)
        #expect(document.rules == RuleList.entries)
        let text = try CommandTests().run(["check", "--list-rules"])
        #expect(text.status == 0)
        #expect(text.output.split(separator: "\n").count == RuleID.allCases.count)
        let sarif = try CommandTests().run(["check", "--list-rules", "--format", "sarif"])
        #expect(sarif.status != 0)
    }
}
