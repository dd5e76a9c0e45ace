import SiteModel

/// Which output files a build keeps from the last one rather than making again: those whose inputs are unchanged,
/// by the build cache, and that are in the output folder exactly as the last build wrote them.
struct KeptFiles {
    let cache: CacheState?
    let output: LocalPath

    /// Whether the page's HTML from the last build still holds and is in the output folder as written.
    func page(_ page: Page) -> Bool {
        guard let cache, cache.reusable.contains(page.path) else { return false }
        return cache.outputIsUnchanged(page.outputPath, in: output)
    }

    /// Whether a file copied from the content folder as it is (a picture, a document) is unchanged and in place.
    func contentFile(_ path: String) -> Bool {
        guard let cache else { return false }
        return cache.inputIsUnchanged("content:" + path) && cache.outputIsUnchanged(path, in: output)
    }
}
