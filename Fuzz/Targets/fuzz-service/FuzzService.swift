// Fuzz target: one file under `services/` through `ServiceLoader` (front matter split, YAML decode into `Service`,
// the description's Markdown, every validation), then what the build makes from loaded services: the directory's
// groups, the search index and the Open Referral UK export. Content errors are fine; only crashes, hangs and running
// out of memory count.
import Foundation
import ServiceDirectory
import SiteModel

private let path = "services/x.md"
private let loader = ServiceLoader(today: CalendarDate(year: 2026, month: 11, day: 2)!, pictureExists: { reference, _ in
    reference.hasSuffix(".svg")
})

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzService(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var source = MemoryContentSource([:])
    source.files[path] = Data(bytes: data, count: size)
    let (entries, diagnostics) = loader.load([path], from: source)
    var sink = diagnostics.map { "\($0)" }.joined().count
    if !entries.isEmpty {
        let directory = Directory(entries: entries)
        sink &+= directory.byType.count + directory.byArea.count
        sink &+= directory.matching(ServiceQuery(emergency: true)).count
        let index = SearchIndex(entries: directory.listed)
        sink &+= index.script().utf8.count
        sink &+= OpenReferral(entries: directory.listed, siteURL: "https://breaks.example.org").files().count
        for entry in directory.listed {
            sink &+= StructuredData.jsonLD(for: entry, pageURL: "https://breaks.example.org/services/x/").utf8.count
        }
    }
    if sink == -1 { print(sink) }  // keeps the work from being optimised away
    return 0
}
