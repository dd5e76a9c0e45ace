import Foundation
import Review
import SiteModel

/// Renders a review pack through the theme's `review-index`, `review-page` and `review-facilitator` templates, and
/// gathers the pictures it shows, as files by path relative to the pack's folder.
public struct ReviewPackWriter {
    /// The templates a theme needs for `signpost review`.
    public static let templates = ["review-index", "review-page", "review-facilitator"]

    public let theme: Theme

    public init(theme: Theme) { self.theme = theme }

    /// The templates `theme` lacks, so that the command can say which to copy before writing anything.
    public var missingTemplates: [String] {
        Self.templates.filter { theme.library.getTemplate(named: $0) == nil }
    }

    public func files(for pack: ReviewPack, site: Site) -> [String: Data] {
        var files: [String: Data] = [:]
        files["index.html"] = Data(theme.render("review-index", pack.indexValues()).utf8)
        for entry in pack.entries {
            files[entry.fileName] = Data(theme.render("review-page", pack.pageValues(entry)).utf8)
            files[entry.facilitatorFileName] = Data(theme.render("review-facilitator", pack.facilitatorValues(entry)).utf8)
        }
        for picture in pack.pictures {
            if let data = site.source.read(picture) { files[ReviewPack.pictureFolder + picture] = data }
        }
        return files
    }
}
