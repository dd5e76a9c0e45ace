import SiteModel

extension Theme {
    /// The files of a theme folder that Signpost reads: `templates/` and `assets/`, through the same guard as content.
    static func source(for folder: LocalPath) -> DirectoryContentSource {
        let display = folder.lastComponent
        return DirectoryContentSource(root: folder, role: "theme folder", only: ["templates", "assets"],
                                      label: { "\(display)/\($0)" })
    }
}
