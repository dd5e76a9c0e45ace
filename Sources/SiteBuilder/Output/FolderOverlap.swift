import SiteModel

/// The content, theme and output folders must be apart: a build replaces its output folder as a whole, so an output
/// folder inside the content would be copied into itself, and content inside the output would be deleted.
enum FolderOverlap {
    /// Throws when any two of the folders are the same or one is inside another, following links, before anything
    /// is touched.
    static func check(output: LocalPath, reading folders: [(role: String, path: LocalPath)]) throws {
        let realOutput = output.resolvingLinks()
        for (role, folder) in folders {
            let real = folder.resolvingLinks()
            if real == realOutput {
                throw BuildFailure.output("The output folder \(output) is the same folder as the \(role) folder. Choose another --output, such as a folder named Output beside the content folder.")
            }
            if real.contains(realOutput) {
                throw BuildFailure.output("The output folder \(output) is inside the \(role) folder \(folder). Each build would copy the site into itself. Choose an --output outside it.")
            }
            if realOutput.contains(real) {
                throw BuildFailure.output("The \(role) folder \(folder) is inside the output folder \(output), which is replaced on every build, so it would be deleted. Move the \(role) folder out, or choose another --output.")
            }
        }
    }
}
