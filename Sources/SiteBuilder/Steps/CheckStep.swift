import EasyReadChecker
import SiteModel

/// Runs the easy-read checker over every page. Errors stop the build; warnings and suggestions are reported.
public struct CheckStep: BuildStep {
    public var name: String { "Checking" }
    public var runsAfterErrors: Bool { true }
    /// Only these pages, as paths in the content folder; nil for every page.
    public var only: Set<String>?

    public init(only: Set<String>? = nil) { self.only = only }

    public func startEarly(_ context: BuildContext) {
        _ = Parallel.start { WordLists.bundled.common.count }
    }

    public func run(_ context: inout BuildContext) throws -> String {
        let site = try context.requireSite()
        let (checker, settingsProblems) = EasyReadChecker.forSite(site)
        // Pages whose findings from the last build still hold are not checked again.
        let pages = context.pagesToLookAt(in: site).map { site.pages[$0] }.filter { only?.contains($0.path) ?? true }
        // Pages are checked in parallel; each page's findings are its own.
        let results = Parallel.map(pages) { checker.check($0) }
        // A place the build has already reported (a missing picture, say) is not reported twice.
        let known = Set(context.diagnostics.map { "\($0.file):\($0.line):\($0.column)" })
        let findings = results.joined().filter { !known.contains("\($0.file):\($0.line):\($0.column)") || $0.level != .error }
        context.diagnostics += settingsProblems + findings
        let all = settingsProblems + findings
        return "\(pages.count) pages: \(all.errorCount) errors, \(all.warningCount) warnings, \(all.suggestionCount) suggestions"
    }
}
