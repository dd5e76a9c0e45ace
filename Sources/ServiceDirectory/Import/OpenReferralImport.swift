import Foundation
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
    public func plan(_ services: [ImportedService], existing: [String: String], state: State) -> (Plan, State) {
        var plan = Plan()
        var newState = State()
        var byID: [String: String] = [:]
        var parsed: [String: ServiceFileWriter.Parts] = [:]
        for (path, text) in existing {
            guard let parts = ServiceFileWriter.parts(of: text) else { continue }
            parsed[path] = parts
            if let line = parts.line("openreferral_id") { byID[Self.value(of: line)] = path }
        }
        var taken = Set(existing.keys.map { Self.slug(ofPath: $0) })
        var unknown: [String: Int] = [:]
        var unknownOrder: [String] = []
        for service in services {
            let (types, unmapped) = mapping.map(service.terms)
            for term in unmapped {
                if unknown[term] == nil { unknownOrder.append(term) }
                unknown[term, default: 0] += 1
            }
            let serviceAreas = areas.isEmpty ? service.areas : areas
            if let path = byID[service.id], let current = parsed[path] {
                let slug = current.line("id").map(Self.value(of:)) ?? Self.slug(ofPath: path)
                let fresh = ServiceFileWriter.parts(for: service, slug: slug, breakTypes: types, areas: serviceAreas)
                let last = state.services[service.id]
                let merged = merge(fresh: fresh, current: current, last: last, file: path, plan: &plan)
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
        plan.warnings = Self.check(plan.files)
        return (plan, newState)
    }

    /// The file with the feed's new values, except where a person changed a field since the last import (kept,
    /// unless `overwrite`); keys a person added are kept too.
    private func merge(fresh: ServiceFileWriter.Parts, current: ServiceFileWriter.Parts, last: State.Record?, file: String,
                       plan: inout Plan) -> ServiceFileWriter.Parts {
        let lastFields = last?.fields ?? Self.fields(current)
        var keys: [(key: String, line: String)] = []
        var used = Set<String>()
        for (key, line) in fresh.keys {
            used.insert(key)
            let mine = current.line(key)
            if key == "id" { keys.append((key, mine ?? line)); continue }
            if !overwrite, mine != lastFields[key] {
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
            if lastFields[key] == line { continue }
            keys.append((key, line))
        }
        var body = fresh.body
        let lastBody = last?.body ?? current.body
        if !overwrite, current.body != lastBody {
            body = current.body
            if body != fresh.body { plan.keptEdits.append("\(file): description") }
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

    /// The files written, read as the build reads them: whatever the build would stop on is said now.
    static func check(_ files: [String: String]) -> [Diagnostic] {
        let paths = files.keys.sorted()
        let source = MemoryContentSource(files)
        return ServiceLoader().load(paths, from: source).diagnostics
    }
}
