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
        changed (unless --overwrite) and never touches files written by hand.
        Exit code: 0 when the import worked, 1 when the feed could not be read (nothing is written), 2 for bad usage.
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
        let folder = URL(fileURLWithPath: content)
        // The feed: every .json file, in name order, so the same files always give the same result.
        var reader = OpenReferralFeedReader()
        for file in try feedFiles() {
            guard let data = FileManager.default.contents(atPath: file) else {
                console.error("\(file): this file could not be read.")
                throw ExitCode(1)
            }
            reader.read(data, file: file)
        }
        // The mapping table, written with its defaults the first time.
        let mappingURL = folder.appendingPathComponent(ImportMapping.path)
        var mapping = ImportMapping.defaultMapping
        var writeMapping = false
        if let text = try? String(contentsOf: mappingURL, encoding: .utf8) {
            let decoded = YAMLReader.decode(ImportMapping.self, from: text, file: ImportMapping.path)
            guard let value = decoded.value, decoded.diagnostics.allSatisfy({ $0.level != .error }) else {
                console.report(decoded.diagnostics)
                throw ExitCode(1)
            }
            mapping = value
        } else {
            writeMapping = true
        }
        let problems = reader.problems.map(\.description) + mapping.problems.map { "\(ImportMapping.path): \($0)" }
        guard problems.isEmpty else {
            for problem in problems { console.error(problem) }
            console.error("Nothing was written: \(problems.count == 1 ? "1 problem" : "\(problems.count) problems") in the feed. Fix \(problems.count == 1 ? "it" : "them") and import again.")
            throw ExitCode(1)
        }

        let servicesFolder = folder.appendingPathComponent("services")
        var existing: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: servicesFolder.path)) ?? [] where name.hasSuffix(".md") && !name.hasPrefix(".") {
            if let text = try? String(contentsOf: servicesFolder.appendingPathComponent(name), encoding: .utf8) {
                existing["services/\(name)"] = text
            }
        }
        let stateURL = folder.appendingPathComponent(OpenReferralImport.statePath)
        let state = (try? Data(contentsOf: stateURL)).flatMap { try? JSONDecoder().decode(OpenReferralImport.State.self, from: $0) }
            ?? OpenReferralImport.State()
        let importer = OpenReferralImport(mapping: mapping, areas: areas, overwrite: overwrite)
        let (plan, newState) = importer.plan(reader.result, existing: existing, state: state)

        if !dryRun {
            try FileManager.default.createDirectory(at: servicesFolder, withIntermediateDirectories: true)
            for (path, text) in plan.files.sorted(by: { $0.key < $1.key }) {
                try Data(text.utf8).write(to: folder.appendingPathComponent(path), options: .atomic)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try encoder.encode(newState).write(to: stateURL, options: .atomic)
            if writeMapping { try Data(ImportMapping.defaultFile().utf8).write(to: mappingURL, options: .atomic) }
        }
        report(plan, services: reader.result.count, wroteMapping: writeMapping && !dryRun)
    }

    /// The JSON files at `source`: the file itself, or every `.json` file under the folder.
    func feedFiles() throws -> [String] {
        var isFolder: ObjCBool = false
        FileManager.default.fileExists(atPath: source, isDirectory: &isFolder)
        guard isFolder.boolValue else { return [source] }
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
        for path in plan.notInFeed { console.line("  left     \(path): no longer in the feed") }
        if wroteMapping { console.line("Wrote \(content)/\(ImportMapping.path): edit it to say which kind of break each term is.") }
        if !plan.unknownTerms.isEmpty {
            console.line("Terms not in \(ImportMapping.path) (add them there, or map them to ignore):")
            for (term, count) in plan.unknownTerms { console.line("  \(term) (\(count == 1 ? "1 service" : "\(count) services"))") }
        }
        if !plan.warnings.isEmpty {
            console.line("The build will report these in the imported files:")
            console.report(plan.warnings)
        }
        if dryRun { console.line("Nothing was written (--dry-run).") }
    }
}
