import ArgumentParser
import Foundation
import ServiceDirectory
import SiteModel

/// `signpost import`: bring a council's existing data into the content folder.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Imports services from other directories.",
        subcommands: [ImportOpenReferralCommand.self])
}

/// `signpost import openreferral SOURCE`: services from an Open Referral UK feed saved as JSON files.
struct ImportOpenReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openreferral",
        abstract: "Writes services/<name>.md files from an Open Referral UK feed (HSDS 3.0 UK profile, or ORUK v1).",
        discussion: """
        SOURCE is a JSON file or a folder of them: saved /services list pages, full /services/{id} documents, or both.
        Kinds of break come from the feed's taxonomy terms through services/.import.yml, which is written the first \
        time; unknown terms are listed. Importing again updates the files an import wrote, keeps fields a person \
        changed (unless --overwrite) and never touches files written by hand. Without services/.import-state.json \
        (the record of the last import), a field that differs from the feed is kept, with a warning. What would be \
        written is checked with the build's rules first.
        Exit code: 0 when the import worked, 1 when the feed could not be read or has values the build would refuse \
        (nothing is written), 2 for bad usage.
        """)

    @Argument(help: "A JSON file or a folder of JSON files from an Open Referral feed.")
    var source: String

    @Option(help: "The content folder, with site.yml in it.")
    var content = "Content"

    @Option(name: .customLong("area"), help: "An area every imported service covers (repeat for more). Default: the feed's service areas.")
    var areas: [String] = []

    @Flag(help: "Say what would change, and write nothing.")
    var dryRun = false

    @Flag(help: "Replace fields a person changed since the last import with the feed's values.")
    var overwrite = false

    func validate() throws {
        try ContentFolder.require(content)
        guard FileManager.default.fileExists(atPath: source) else { throw ValidationError("There is nothing at \(source).") }
    }

    func run() throws {
        let console = Console()
        // The feed: every .json file, in name order, so the same files always give the same result. Only regular
        // files are read, so a pipe is never waited on.
        var reader = OpenReferralFeedReader()
        for file in try feedFiles() {
            guard let data = FileKind.readRegularFile(file) else {
                console.error("\(file): this file could not be read.")
                throw ExitCode(1)
            }
            reader.read(data, file: file)
        }
        // Another import into the same content folder waits until this one has read, merged and written, so neither
        // loses what the other wrote.
        let writer = ContentWriter(content: LocalPath(content))
        let lock = try ContentFolder.lockForImport(writer, console: console)
        defer { lock.release() }

        // The mapping table, written with its defaults the first time.
        var mapping = ImportMapping.defaultMapping
        var writeMapping = false
        if let data = writer.read(ImportMapping.path) {
            let decoded = YAMLReader.decode(ImportMapping.self, from: String(decoding: data, as: UTF8.self), file: ImportMapping.path)
            guard let value = decoded.value, decoded.diagnostics.allSatisfy({ $0.level != .error }) else {
                console.report(decoded.diagnostics)
                throw ExitCode(1)
            }
            mapping = value
        } else {
            writeMapping = true
        }
        var problems = mapping.problems.map { "\(ImportMapping.path): \($0)" }
        guard problems.isEmpty else { return try refuse(reader.problems.map(\.description) + problems) }

        // The service files the build reads (links out of the content folder are not followed), with their text.
        var existing: [String: String] = [:]
        let listing = try? DirectoryContentSource(root: LocalPath(content)).list()
        for path in listing?.files ?? [] where path.hasPrefix(ContentLoader.servicesFolder) && path.hasSuffix(".md") {
            if let data = writer.read(path) { existing[path] = String(decoding: data, as: UTF8.self) }
        }
        var state = OpenReferralImport.State()
        var stateStatus = OpenReferralImport.StateStatus.read
        if let data = writer.read(OpenReferralImport.statePath) {
            do {
                state = try JSONDecoder().decode(OpenReferralImport.State.self, from: data)
            } catch {
                stateStatus = .damaged(error is DecodingError ? "it is not the JSON Signpost writes" : "\(error)")
            }
        } else {
            stateStatus = FileKind.of(writer.source.root.appending(OpenReferralImport.statePath).string, followingLinks: false) == .missing
                ? .missing : .damaged("it is not a file Signpost can read")
        }
        let importer = OpenReferralImport(mapping: mapping, areas: areas, overwrite: overwrite)
        let (plan, newState) = importer.plan(reader.result, existing: existing, state: state, stateStatus: stateStatus)
        // The feed's own problems, and then the values the build would stop on in the files it would make: every one
        // is said at once, so one round of fixes is enough.
        problems = reader.problems.map(\.description) + plan.refused.map(\.description)
        guard problems.isEmpty else { return try refuse(problems) }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var writes = plan.files.sorted(by: { $0.key < $1.key }).map { (path: $0.key, data: Data($0.value.utf8)) }
        writes.append((OpenReferralImport.statePath, try encoder.encode(newState)))
        if writeMapping { writes.append((ImportMapping.path, Data(ImportMapping.defaultFile().utf8))) }
        // Every place is checked before anything is written, with the build's rules: a link out of the content
        // folder is refused, and nothing is written through it.
        problems = writes.compactMap { write in
            if case .failure(let problem) = writer.source.placeToWrite(write.path) { return "\(problem.path): \(problem.message)" }
            return nil
        }
        guard problems.isEmpty else { return try refuse(Array(Set(problems)).sorted(), inFeed: false) }
        if !dryRun {
            for write in writes {
                if let problem = writer.write(write.data, to: write.path) {
                    console.error("\(problem.path): \(problem.message)")
                    throw ExitCode(1)
                }
            }
        }
        report(plan, services: reader.result.count, wroteMapping: writeMapping && !dryRun)
    }

    /// Says why nothing was written, and exits with 1.
    func refuse(_ problems: [String], inFeed: Bool = true) throws {
        let console = Console()
        for problem in problems { console.error(problem) }
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        console.error("Nothing was written: \(count) \(inFeed ? "in the feed" : "in the content folder"). Fix \(problems.count == 1 ? "it" : "them") and import again.")
        throw ExitCode(1)
    }

    /// The JSON files at `source`: the file itself, or every `.json` file under the folder.
    func feedFiles() throws -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isFolder), isFolder.boolValue else {
            return [source]
        }
        let base = URL(fileURLWithPath: source)
        let found = FileManager.default.enumerator(atPath: source)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") } ?? []
        return found.sorted().map { base.appendingPathComponent($0).path }
    }

    func report(_ plan: OpenReferralImport.Plan, services: Int, wroteMapping: Bool) {
        let console = Console()
        let verb = dryRun ? "Would import" : "Imported"
        console.line("\(verb) \(services == 1 ? "1 service" : "\(services) services") into \(content)/services: "
                     + "\(plan.added.count) added, \(plan.changed.count) changed, \(plan.unchanged.count) unchanged.")
        for path in plan.added { console.line("  added    \(path)") }
        for (path, keys) in plan.changed { console.line("  changed  \(path) (\(keys.joined(separator: ", ")))") }
        for edit in plan.keptEdits { console.line("  kept your edit of \(edit) (--overwrite replaces it)") }
        for made in plan.madeIDs.prefix(5) { console.line("  id       \(made.feed) is not a UUID: the file records \(made.uuid), made from it") }
        if plan.madeIDs.count > 5 { console.line("  id       and \(plan.madeIDs.count - 5) more feed ids that are not UUIDs, each recorded as a UUID made from it") }
        for path in plan.notInFeed { console.line("  left     \(path): no longer in the feed") }
        if wroteMapping { console.line("Wrote \(content)/\(ImportMapping.path): edit it to say which kind of break each term is.") }
        if !plan.unknownTerms.isEmpty {
            console.line("Terms not in \(ImportMapping.path) (add them there, or map them to ignore):")
            for (term, count) in plan.unknownTerms { console.line("  \(term) (\(count == 1 ? "1 service" : "\(count) services"))") }
        }
        if !plan.unsure.isEmpty {
            console.line("Kept as they are, because Signpost cannot tell whether a person changed them:")
            console.report(plan.unsure)
        }
        if !plan.warnings.isEmpty {
            console.line("The build will report these in the imported files:")
            console.report(plan.warnings)
        }
        if dryRun { console.line("Nothing was written (--dry-run).") }
    }
}
