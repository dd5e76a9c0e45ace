/// The addresses where Signpost writes files of its own, so that nothing from the content folder can stand in for
/// them.
enum GeneratedFiles {
    static let files: [String: String] = [
        "index.html": "the home page",
        "404.html": "the page-not-found page",
        "sitemap.xml": "the sitemap",
        OutputFolder.marker: "the mark of a folder Signpost wrote",
    ]

    static let folders: [String: String] = [
        "assets/": "the theme's files",
        "services/": "the service directory",
        "openreferral/": "the Open Referral UK export",
    ]

    /// What Signpost makes at `path`, in words, or nil when it makes nothing there.
    static func describe(_ path: String) -> String? {
        if let file = files[path] { return file }
        return folders.first { path.hasPrefix($0.key) }?.value
    }
}
