import Foundation
import SiteModel

/// Files published as they are: the theme's assets, and pictures and other files from the content folder.
enum CopiedFiles {
    /// The theme's `assets/` folder, under `assets/` in the output.
    static func themeAssets(_ theme: Theme) -> [String: Data] {
        var files: [String: Data] = [:]
        for asset in theme.assets {
            if let data = theme.asset(asset) { files["assets/\(asset)"] = data }
        }
        return files
    }

    /// Adds the content folder's files to `files`. A file from the content folder never stands in for one Signpost
    /// made: that is an error naming the file.
    /// A file unchanged since the last build, and in the output folder as written, is kept rather than read again.
    static func addContentAssets(of site: Site, to files: inout [String: Data], unchanged: inout Set<String>,
                                 staged: StagedFiles? = nil, kept: KeptFiles, diagnostics: inout [Diagnostic]) {
        for asset in site.assets {
            if files[asset] != nil || unchanged.contains(asset) || staged?.contains(asset) == true {
                diagnostics.append(Diagnostic(file: asset, line: 1, column: 1,
                    message: "This file would replace \(GeneratedFiles.describe(asset) ?? "a file Signpost makes") at `\(asset)`. Rename it or move it to another folder."))
            } else if kept.contentFile(asset) {
                unchanged.insert(asset)
            } else if let data = site.source.read(asset) {
                files[asset] = data
            }
        }
    }
}
