import Foundation
import Markdown
import SiteModel

/// Turns the services read from a council's Open Referral feed into Signpost service files, and says what it would
/// change. Pure: it is given the content folder's service files and the last import's record, and returns the files
/// to write; `signpost import openreferral` reads and writes the disk.
///
/// Re-importing updates the files an import wrote (found by the `openreferral_id` each records), never touches
/// files staff wrote by hand (those without one), and keeps a field a person changed since the last import unless
/// `overwrite` is set. What the last import wrote is kept in `services/.import-state.json`.
public struct OpenReferralImport {
    public static let statePath = "services/.import-state.json"

    /// What one import does.
    public struct Plan {
        /// Files to write, by path in the content folder, with their text.
        public var files: [String: String] = [:]
        public var added: [String] = []
        /// Changed files, each with the keys that changed.
        public var changed: [(file: String, keys: [String])] = []
        public var unchanged: [String] = []
        /// Fields a person changed by hand that were kept, as `file: key`.
        public var keptEdits: [String] = []
        /// Files from an earlier import whose service is no longer in the feed: left as they are.
        public var notInFeed: [String] = []
        /// Taxonomy terms the mapping table does not know, with how many services use each.
        public var unknownTerms: [(term: String, services: Int)] = []
        /// Problems the build will report in the files written (a service with no kind of break, say).
        public var warnings: [Diagnostic] = []
        /// Values from the feed the build would stop on, each at its file and JSON path: when there are any, nothing
        /// is written.
        public var refused: [OpenReferralFeedReader.Problem] = []
        /// Feed ids that are not UUIDs (as older feeds have them), each with the UUID the file records instead: made
        /// from the id, so it is the same at every import.
        public var madeIDs: [(feed: String, uuid: String)] = []
        /// Fields that differ from the feed and were kept because there is no record of what the last import wrote
        /// (so they may be a person's edit), as warnings at the field in the file.
        public var unsure: [Diagnostic] = []
    }

    /// Whether `services/.import-state.json`, what the last import wrote, could be read.
    public enum StateStatus: Sendable, Equatable {
        case read
        case missing
        /// It is there but could not be read; the reason.
        case damaged(String)
    }

    /// What the last import wrote for each service, by its Open Referral id.
    public struct State: Codable, Sendable {
        public var services: [String: Record] = [:]
        public struct Record: Codable, Sendable {
            public var file: String
            public var fields: [String: String]
            public var body: String
        }
        public init() {}
    }

    public var mapping: ImportMapping
    /// Areas for every imported service, from `--area`; when empty, the feed's service areas are used.
    public var areas: [String]
    public var overwrite: Bool

    public init(mapping: ImportMapping, areas: [String] = [], overwrite: Bool = false) {
        self.mapping = mapping
        self.areas = areas
        self.overwrite = overwrite
    }

    /// - Parameters:
    ///   - services: what the feed holds.
    ///   - existing: the content folder's service files (`services/<name>.md`) with their text.
    ///   - state: what the last import wrote.
    ///   - stateStatus: whether the record could be read; when not, a field that differs from the feed may be a
    ///     person's edit, and is kept with a warning.
    public func plan(_ services: [ImportedService], existing: [String: String], state: State,
                     stateStatus: StateStatus = .read) -> (Plan, State) {
        var plan = Plan()
        var newState = State()
        var byID: [String: String] = [:]
        var parsed: [String: ServiceFileWriter.Parts] = [:]
        var taken = Set(existing.keys.map { Self.slug(ofPath: $0) })
        for (path, text) in existing.sorted(by: { $0.key < $1.key }) {
            guard let parts = ServiceFileWriter.parts(of: text) else { continue }
            parsed[path] = parts
            if let line = parts.line("openreferral_id") { byID[Self.value(of: line)] = path }
            // A new file's id must not be one a file already has, whatever that file is called.
            if let line = parts.line("id") { taken.insert(Self.value(of: line)) }
        }
        var sources: [String: ImportedService] = [:]
        var unknown: [String: Int] = [:]
        var unknownOrder: [String] = []
        for service in services {
            let (types, unmapped) = mapping.map(service.terms)
            for term in unmapped {
                if unknown[term] == nil { unknownOrder.append(term) }
                unknown[term, default: 0] += 1
            }
            let serviceAreas = areas.isEmpty ? service.areas : areas
            let fileID = ServiceFileWriter.fileID(for: service.id)
            if fileID != service.id { plan.madeIDs.append((service.id, fileID)) }
            if let path = byID[fileID] ?? byID[service.id], let current = parsed[path] {
                sources[path] = service
                let slug = current.line("id").map(Self.value(of:)) ?? Self.slug(ofPath: path)
                let fresh = ServiceFileWriter.parts(for: service, slug: slug, breakTypes: types, areas: serviceAreas)
                let last = state.services[service.id]
                let merged = merge(fresh: fresh, current: current, last: last, file: path, stateStatus: stateStatus, plan: &plan)
                newState.services[service.id] = .init(file: path, fields: Self.fields(fresh), body: fresh.body)
                if merged == current {
                    plan.unchanged.append(path)
                } else {
                    let changedKeys = Set(merged.keys.map(\.key) + current.keys.map(\.key))
                        .filter { merged.line($0) != current.line($0) }.sorted() + (merged.body != current.body ? ["description"] : [])
                    plan.changed.append((path, changedKeys))
                    plan.files[path] = merged.text
                }
            } else {
                var slug = ServiceFileWriter.slug(of: service.name)
                if slug.isEmpty { slug = "service-" + service.id.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(8) }
                var unique = slug
                var number = 2
                while taken.contains(unique) { unique = "\(slug)-\(number)"; number += 1 }
                taken.insert(unique)
                let path = "services/\(unique).md"
                sources[path] = service
                let fresh = ServiceFileWriter.parts(for: service, slug: unique, breakTypes: types, areas: serviceAreas)
                plan.files[path] = fresh.text
                plan.added.append(path)
                newState.services[service.id] = .init(file: path, fields: Self.fields(fresh), body: fresh.body)
            }
        }
        let inFeed = Set(services.map(\.id))
        plan.notInFeed = byID.filter { !inFeed.contains($0.key) }.map(\.value).sorted()
        // Kept in the record, so a service that comes back later is still known.
        for (id, record) in state.services where !inFeed.contains(id) { newState.services[id] = record }
        plan.unknownTerms = unknownOrder.map { ($0, unknown[$0]!) }
        (plan.warnings, plan.refused) = Self.check(plan.files, existing: existing, sources: sources)
        return (plan, newState)
    }

    /// The file with the feed's new values, except where a person changed a field since the last import (kept,
    /// unless `overwrite`); keys a person added are kept too.
    ///
    /// With no record of what the last import wrote for the service (`services/.import-state.json` missing, damaged,
    /// or without this service), Signpost cannot tell a person's edit from the feed's old value: a field that
    /// differs from the feed is kept, with a warning saying how to take the feed's value.
    private func merge(fresh: ServiceFileWriter.Parts, current: ServiceFileWriter.Parts, last: State.Record?, file: String,
                       stateStatus: StateStatus, plan: inout Plan) -> ServiceFileWriter.Parts {
        let lastFields = last?.fields ?? [:]
        var keys: [(key: String, line: String)] = []
        var used = Set<String>()
        func unsure(_ key: String) {
            let why = switch stateStatus {
            case .missing: "\(Self.statePath), the record of what the last import wrote, is missing"
            case .damaged(let reason): "\(Self.statePath), the record of what the last import wrote, could not be read (\(reason))"
            case .read: "\(Self.statePath) has no record of this service"
            }
            let how = key == "description" ? "delete the words under the front matter" : "delete the `\(key):` line"
            plan.unsure.append(Diagnostic(file: file, at: Self.position(of: key, in: current), level: .warning,
                message: "`\(key)` is not what the feed says, and Signpost cannot tell whether a person changed it, because \(why). Your words were kept.",
                suggestion: "To take the feed's value instead, \(how) and import again, or import again with --overwrite (which replaces every field a person changed)."))
        }
        for (key, line) in fresh.keys {
            used.insert(key)
            let mine = current.line(key)
            if key == "id" { keys.append((key, mine ?? line)); continue }
            // The feed's id is how the file is found again: always the feed's.
            if key == "openreferral_id" { keys.append((key, line)); continue }
            if !overwrite, last == nil, let mine, mine != line {
                keys.append((key, mine))
                unsure(key)
            } else if !overwrite, last != nil, mine != lastFields[key] {
                if let mine { keys.append((key, mine)) }
                if mine != line { plan.keptEdits.append("\(file): \(key)") }
            } else {
                keys.append((key, line))
            }
        }
        for (key, line) in current.keys where !used.contains(key) {
            // A key the feed no longer gives is removed when the last import wrote it as it is now; one a person
            // added or changed stays.
            if overwrite && lastFields[key] != nil { continue }
            if last != nil, lastFields[key] == line { continue }
            keys.append((key, line))
        }
        var body = fresh.body
        if !overwrite, let last, current.body != last.body {
            body = current.body
            if body != fresh.body { plan.keptEdits.append("\(file): description") }
        } else if !overwrite, last == nil, !current.body.isEmpty, current.body != fresh.body {
            body = current.body
            unsure("description")
        }
        return ServiceFileWriter.Parts(keys: keys, body: body)
    }

    static func fields(_ parts: ServiceFileWriter.Parts) -> [String: String] {
        Dictionary(parts.keys.map { ($0.key, $0.line) }, uniquingKeysWith: { a, _ in a })
    }

    /// `openreferral_id: "abc"` → `abc`.
    static func value(of line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
        if value.count >= 2, value.hasPrefix("'"), value.hasSuffix("'") { value = String(value.dropFirst().dropLast()) }
        return value
    }

    /// `services/maple-lodge.md` → `maple-lodge`.
    static func slug(ofPath path: String) -> String {
        String(path.split(separator: "/").last ?? "").replacingOccurrences(of: ".md", with: "")
    }

    /// Where a key's line is in a service file's text: the front matter starts on line 2.
    static func position(of key: String, in parts: ServiceFileWriter.Parts) -> SourcePosition {
        var line = 2
        for part in parts.keys {
            if part.key == key { return SourcePosition(line: line, column: 1) }
            line += part.line.split(separator: "\n", omittingEmptySubsequences: false).count
        }
        return SourcePosition(line: key == "description" ? line + 1 : 1, column: 1)
    }

    /// The key (`contact.email`, `ages`) a problem at `position` in a written file is about.
    static func key(at position: SourcePosition, in parts: ServiceFileWriter.Parts) -> String? {
        var line = 2
        for part in parts.keys {
            let lines = part.line.split(separator: "\n", omittingEmptySubsequences: false)
            if position.line < line + lines.count {
                let text = lines[max(0, position.line - line)]
                let before = String(text.prefix(max(0, position.column - 1)))
                // In a flow mapping, the last key named before the column.
                var inner: String?
                var latest = before.startIndex
                for name in ["email", "phone", "website"] {
                    if let found = before.range(of: name + ":", options: .backwards), inner == nil || found.lowerBound > latest {
                        inner = name
                        latest = found.lowerBound
                    }
                }
                return inner.map { "\(part.key).\($0)" } ?? part.key
            }
            line += lines.count
        }
        return nil
    }

    /// The files to write, read as the build reads them, with every service file already in the content folder
    /// (so an id two files would share is found): what the build would stop on in a value from the feed is refused
    /// at its JSON path; the rest (a service with no kind of break yet, which `.import.yml` gives; a problem a person's
    /// kept edit already had) is a warning.
    static func check(_ files: [String: String], existing: [String: String], sources: [String: ImportedService])
        -> (warnings: [Diagnostic], refused: [OpenReferralFeedReader.Problem]) {
        let all = existing.merging(files) { _, new in new }
        let found = ServiceLoader().load(all.keys.sorted(), from: MemoryContentSource(all)).diagnostics
            .filter { files[$0.file] != nil }
        var before: [String: Set<String>] = [:]
        let changedExisting = files.keys.filter { existing[$0] != nil }.sorted()
        for diagnostic in ServiceLoader().load(changedExisting, from: MemoryContentSource(existing)).diagnostics {
            before[diagnostic.file, default: []].insert(diagnostic.message)
        }
        var warnings: [Diagnostic] = []
        var refused: [OpenReferralFeedReader.Problem] = []
        for diagnostic in found {
            let parts = files[diagnostic.file].flatMap(ServiceFileWriter.parts(of:))
            let position = SourcePosition(line: diagnostic.line, column: diagnostic.column)
            let key: String? = parts.flatMap { Self.key(at: position, in: $0) }
            // No kind of break yet is not the feed's doing: `.import.yml` says which terms are which (the report
            // lists the terms it does not know), and the file is written for a person to finish.
            let noKindOfBreak = key == "break_types" || diagnostic.message.contains("`break_types`")
            if diagnostic.level != .error || noKindOfBreak || before[diagnostic.file]?.contains(diagnostic.message) == true {
                warnings.append(diagnostic)
                continue
            }
            let service = sources[diagnostic.file]
            var path = service?.origin.path ?? "$"
            if let key, let fieldPaths = service?.fieldPaths {
                path = fieldPaths[key] ?? fieldPaths[String(key.split(separator: ".")[0])] ?? path
            }
            refused.append(.init(file: service?.origin.file ?? diagnostic.file, path: path,
                                 message: "\(diagnostic.message) (In \(diagnostic.file), the build would stop on it.)"))
        }
        return (warnings, refused)
    }
}
