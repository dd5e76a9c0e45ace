import EasyReadChecker
import Review
import SiteModel

/// Reads the self-advocacy groups' review files (`reviews/`), reports problems in them, and reports easy-read pages
/// that changed after a group approved them (`review-stale`) or that no group has approved (`review-missing`, off
/// unless `checks:` turns it on). Rendering reads the sign-offs it leaves for the "Checked by" line.
public struct ReviewStep: BuildStep {
    public var name: String { "Reviews" }
    public var runsAfterErrors: Bool { true }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        let site = try context.requireSite()
        let (reviews, problems) = SiteReviews.load(site: site)
        let (settings, _) = CheckSettings.from(site.config, positions: site.configKeyPositions)
        let findings = reviews.findings(site: site, settings: settings)
        context.diagnostics += problems + findings
        context.reviews = reviews
        let signedOff = reviews.states.values.filter { $0.signOff != nil }.count
        let stale = reviews.states.values.filter(\.isStale).count
        return "\(site.reviewFiles.count) review files: \(signedOff) pages checked, \(stale) changed since"
    }
}
