import Foundation
import SiteModel

/// A build as a list of named steps, run in order. After any step that found an error, the build stops:
/// nothing is written.
public struct BuildPipeline: Sendable {
    public var steps: [any BuildStep]

    public init(steps: [any BuildStep]) { self.steps = steps }

    /// The steps of a full build: load → validate → services → check → reviews → render → write.
    public static func standard() -> BuildPipeline {
        BuildPipeline(steps: [LoadStep(), ValidateStep(), DirectoryStep(), CheckStep(), ReviewStep(), RenderStep(), WriteStep()])
    }

    /// Runs every step, calling `progress` with a line such as `[2/5] Rendering 38 pages` after each.
    /// Once a step has found an error, only the steps that look (validate, check) still run, so that every problem is
    /// reported together; nothing is rendered or written.
    /// - Returns: the context as the last step left it; `hasErrors` says whether the build failed.
    public func run(_ context: BuildContext, progress: (String) -> Void = { _ in }) throws -> BuildContext {
        var context = context
        // Folders that overlap, and an output folder that is not Signpost's, are refused before any work is done.
        if !context.options.dryRun {
            try FolderOverlap.check(output: context.options.output, reading: context.options.foldersRead)
            try OutputFolder(path: context.options.output).checkReplaceable()
        }
        for (index, step) in steps.enumerated() {
            if context.options.dryRun && step is WriteStep { break }
            if context.hasErrors && !step.runsAfterErrors { break }
            if context.site == nil && index > 0 { break }
            let started = Date()
            let detail = try step.run(&context)
            let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
            progress("[\(index + 1)/\(steps.count)] \(step.name) \(detail) (\(milliseconds) ms)")
        }
        return context
    }
}
