import SiteModel

/// Writes the rendered site into the output folder, all at once.
public struct WriteStep: BuildStep {
    public var name: String { "Writing" }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        var reading = context.options.foldersRead
        if context.options.theme == nil, let theme = context.theme { reading.append(("theme", theme.folder)) }
        let output = OutputFolder(path: context.options.output, keep: context.site?.config.keep ?? [])
        try FolderOverlap.check(output: output.path, reading: reading)
        let written = try output.write(context.files)
        context.diagnostics += written.problems
        return "\(context.files.count) files to \(context.options.output)"
    }
}
