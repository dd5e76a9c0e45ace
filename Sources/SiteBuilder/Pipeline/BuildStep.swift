/// One named step of a build: load, validate, check, render or write.
public protocol BuildStep: Sendable {
    /// The step's name as shown in progress lines, such as "Rendering".
    var name: String { get }
    /// Does the step's work. Problems in content go into `context.diagnostics`; a thrown error stops the build.
    /// - Returns: a few words on what was done, such as "38 pages".
    func run(_ context: inout BuildContext) throws -> String
    /// Whether the step still runs when an earlier step found errors, so that one build reports every problem.
    /// Steps that only look (validate, check) do; steps that make output (render, write) do not.
    var runsAfterErrors: Bool { get }
    /// Starts, on another core, work the step will need that depends on nothing the steps before it do (such as
    /// reading the word lists built into Signpost), so that it is ready when the step runs. Called as the steps begin.
    func startEarly(_ context: BuildContext)
}

extension BuildStep {
    public var runsAfterErrors: Bool { false }
    public func startEarly(_ context: BuildContext) {}
}
