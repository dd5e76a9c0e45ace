import Foundation
import SiteBuilder
import SiteModel

/// The repository's top folder, found from this file's place.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let defaultTheme = repositoryRoot.appendingPathComponent("Themes/default")
let sampleContent = repositoryRoot.appendingPathComponent("Content")

let minimalConfig = """
title: Test Site
contact:
  phone: "0116 496 0999"
"""

/// A page file: front matter lines, then the body.
func pageFile(_ frontMatter: String, _ body: String = "Some words.") -> String {
    "---\n\(frontMatter)\n---\n\(body)\n"
}

/// Runs load, validate, check and render over files held in memory. Nothing is written.
func buildInMemory(_ files: [String: String], checker: (any BuildStep)? = nil) throws -> BuildContext {
    var all = files
    if all["site.yml"] == nil { all["site.yml"] = minimalConfig }
    if all["index.md"] == nil { all["index.md"] = pageFile("title: Home\nsummary: The home page.") }
    let options = BuildOptions(content: URL(fileURLWithPath: "/memory/Content"), theme: defaultTheme,
                               output: URL(fileURLWithPath: "/memory/Output"), dryRun: true)
    var steps: [any BuildStep] = [LoadStep(), ValidateStep(), DirectoryStep()]
    if let checker { steps.append(checker) }
    steps.append(RenderStep())
    return try BuildPipeline(steps: steps).run(BuildContext(options: options, source: MemoryContentSource(all)))
}

extension BuildContext {
    func html(_ path: String) -> String? { files[path].flatMap { String(data: $0, encoding: .utf8) } }
    var errors: [Diagnostic] { diagnostics.filter { $0.level == .error } }
}

/// A new, empty folder under the system's temporary folder.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("signpost-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Every file under `folder`, by relative path, with its bytes.
func snapshot(of folder: URL) throws -> [String: Data] {
    var result: [String: Data] = [:]
    let source = DirectoryContentSource(root: folder)
    for path in try source.allFiles() { result[path] = source.read(path) }
    return result
}
