import SiteModel

/// Which output files a build keeps from the last one rather than making again: those whose inputs are unchanged,
/// by the build cache, and that are in the output folder exactly as the last build wrote them.
///
/// It holds only what it asks, taken from the cache once: it is asked for every page, on every core.
struct KeptFiles: Sendable {
    /// Pages whose findings and HTML from the last build still hold.
    private let reusable: ReusablePages?
    /// The files the last build wrote, and whether the output folder is known to be exactly as it left them.
    private let written: [String: BuildCache.OutputFile]
    private let intact: Bool
    /// Every input's hash in the last build and now.
    private let lastInputs: [String: BuildCache.InputRecord]
    private let inputs: BuildInputs?
    let output: LocalPath

    init(cache: CacheState?, output: LocalPath) {
        reusable = cache?.reusable
        written = cache?.previous?.output.files ?? [:]
        intact = cache?.outputIsIntact ?? false
        lastInputs = cache?.previous?.inputs ?? [:]
        inputs = cache?.inputs
        self.output = output
    }

    /// The output file of the page at `place` in the site's pages, when its HTML from the last build still holds and
    /// is in the output folder as written; nil when the page must be made.
    func keptOutput(of page: Page, at place: Int) -> String? {
        guard reusable?.contains(place: place) == true else { return nil }
        let output = page.outputPath
        // A page's address is plain ASCII (validating refuses any other), so it has one spelling only.
        return isUnchanged(written[output], at: output) ? output : nil
    }

    /// Whether a file copied from the content folder as it is (a picture, a document) is unchanged and in place.
    func contentFile(_ path: String) -> Bool {
        guard let inputs, CacheState.isUnchanged(path, since: lastInputs, now: inputs) else { return false }
        return outputIsUnchanged(path)
    }

    /// Whether the output folder's file at `path` is the one the last build wrote, untouched, under the very bytes of
    /// its name: a file renamed from composed to combining accents is a new file.
    func outputIsUnchanged(_ path: String) -> Bool { isUnchanged(written.value(spelledExactly: path), at: path) }

    private func isUnchanged(_ file: BuildCache.OutputFile?, at path: String) -> Bool {
        guard let file else { return false }
        return intact || FileStamp.of(output.joining(path)) == file.stamp
    }
}
