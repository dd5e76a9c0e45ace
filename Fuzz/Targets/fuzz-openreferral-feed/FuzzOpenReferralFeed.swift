// Fuzz target: one saved Open Referral UK feed file through `signpost import openreferral`'s reading and planning, in
// memory (nothing is written to disk): `OpenReferralFeedReader` (both shapes, every field, every number checked before
// it is converted), then `OpenReferralImport.plan` into a content folder that already has a hand-written service and
// an imported one, which runs the build's own service checks on every file it would write; then the same feed
// imported again over what the first import would have written. Problems and refusals are fine; a crash, a hang,
// running out of memory, or an import that refuses nothing yet would write a file the build stops on, does not.
import Foundation
import ServiceDirectory
import SiteModel

private let handWritten = """
---
id: maple-lodge
name: Maple Lodge
summary: Written by staff.
break_types: [holiday]
---
Staff wrote this.

"""

private let imported = """
---
id: oak-house
openreferral_id: "ac148810-d857-441c-9679-408f346de14b"
name: "Oak House (our words)"
summary: "Overnight breaks."
break_types: [building-based]
---

"""

private let existing = ["services/maple-lodge.md": handWritten, "services/oak-house.md": imported]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOpenReferralFeed(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let importer = OpenReferralImport(mapping: .defaultMapping)
    var reader = OpenReferralFeedReader()
    reader.read(Data(bytes: data, count: size), file: "feed.json")
    var sink = reader.problems.map(\.description).joined().count
    let services = reader.result
    // As the first import (no record of an earlier one), and as a later one over the folder.
    let (first, state) = importer.plan(services, existing: [:], state: .init(), stateStatus: .missing)
    sink &+= first.files.values.map(\.utf8.count).reduce(0, &+) + first.refused.count + first.warnings.count
    if first.refused.isEmpty {
        // What the build reads in the written files stops on nothing but a missing kind of break (which the mapping
        // table, not the feed, gives): every other error was refused before writing.
        let found = ServiceLoader().load(first.files.keys.sorted(), from: MemoryContentSource(first.files)).diagnostics
        if let wrong = found.first(where: { $0.level == .error && !$0.message.contains("`break_types`") }) {
            fatalError("the import would write a file the build stops on, and refused nothing: \(wrong)")
        }
    }
    let (second, _) = importer.plan(services, existing: first.files, state: state)
    sink &+= second.changed.count + second.unsure.count
    // The same feed again over what the first import wrote changes nothing, and finds no edit a person made.
    if first.refused.isEmpty, !second.changed.isEmpty || !second.added.isEmpty || !second.keptEdits.isEmpty || !second.unsure.isEmpty {
        fatalError("importing the same feed twice changed \(second.changed.map(\.file)), added \(second.added), kept \(second.keptEdits)")
    }
    let (over, _) = importer.plan(services, existing: existing, state: .init(), stateStatus: .damaged("fuzz"))
    sink &+= over.files.count + over.unsure.count + over.refused.count
    if sink == -1 { print(sink) }  // keeps the work from being optimised away
    return 0
}
