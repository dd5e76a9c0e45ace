import SiteModel

/// Writes the rendered site into the output folder, all at once.
public struct WriteStep: BuildStep {
    public var name: String { "Writing" }

    public init() {}

    public func run(_ context: inout BuildContext) throws -> String {
        try OutputFolder(url: context.options.output).write(context.files)
        return "\(context.files.count) files to \(context.options.output.path)"
    }
}
