import Foundation
import SiteModel

/// Exports in Open Referral UK (the UK profile of HSDS 3.0), as static files a feed reader can fetch:
///
/// - `openreferral/index.json`: the API's root document, with the HSDS version and the profile;
/// - `openreferral/services.json`, then `services-page-2.json`…: the paged list of services;
/// - `openreferral/services/<id>.json`: each service in full;
/// - `openreferral/taxonomies.json` and `openreferral/taxonomy_terms.json`: the kinds of break and the areas.
///
/// Every file validates against the profile's compiled JSON schemas (the tests check it with a real validator).
public struct OpenReferral: Sendable {
    /// How many records a page of a list holds. Fixed, so a reader can work out which page holds what.
    public static let pageSize = 100

    /// The HSDS version the files follow, and where the profile is described.
    public static let version = "3.0"
    public static let profileURL = "https://github.com/openreferral/uk-profile"
    public static let openAPIURL = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json"

    let entries: [ServiceEntry]
    /// The site's web address and base path, for full links to service pages.
    let siteURL: String

    public init(entries: [ServiceEntry], siteURL: String) {
        self.entries = entries
        self.siteURL = siteURL
    }

    /// Files to write, by path relative to the output folder. With `write`, each service's own file is handed to it
    /// as soon as it is made, and not returned.
    public func files(writing write: (@Sendable (String, Data) -> Void)? = nil) -> [String: Data] {
        let records = OpenReferralRecords(siteURL: siteURL)
        // Each service's record is made once and used in its own file and in its page of the list; records and
        // their files are written on every core.
        let made = Parallel.map(entries) { entry -> (short: JSONValue, file: Data?) in
            let both = records.records(entry)
            let file = Data(both.full.bytes(indent: 2))
            guard let write else { return (both.short, file) }
            write(Self.servicePath(entry.id), file)
            return (both.short, nil)
        }
        var files: [String: Data] = [:]
        files.reserveCapacity(entries.count + entries.count / Self.pageSize + 8)
        for (name, data) in Self.pages(made.map(\.short), name: "services") { files[name] = data }
        for (entry, record) in zip(entries, made) {
            if let file = record.file { files[Self.servicePath(entry.id)] = file }
        }
        let taxonomy = OpenReferralTaxonomy(entries: entries)
        for (name, data) in Self.pages(taxonomy.taxonomies(), name: "taxonomies") { files[name] = data }
        for (name, data) in Self.pages(taxonomy.terms(), name: "taxonomy_terms") { files[name] = data }
        files["openreferral/index.json"] = Data(Self.root.bytes(indent: 2))
        return files
    }

    /// The API's root document (`GET /`): which HSDS version and profile the files follow. (Made on each use, as
    /// `OpenReferralTaxonomy.term(for:)` says why.)
    static var root: JSONValue {
        [
            "version": .string(version), "profile": .string(profileURL), "openapi_url": .string(openAPIURL),
        ]
    }

    /// A list as pages of `pageSize` in the standard's Page shape: `openreferral/<name>.json` for the first,
    /// `openreferral/<name>-page-<n>.json` for the rest. An empty list is one empty page, with `total_pages` 0.
    static func pages(_ records: [JSONValue], name: String) -> [(String, Data)] {
        let total = (records.count + pageSize - 1) / pageSize
        return Parallel.map(Array(1...max(1, total))) { page -> (String, Data) in
            let slice = records[min(records.count, (page - 1) * pageSize)..<min(records.count, page * pageSize)]
            let list: JSONValue = [
                "total_items": .integer(records.count), "total_pages": .integer(total), "page_number": .integer(page),
                "size": .integer(slice.count), "first_page": .bool(page == 1), "last_page": .bool(page >= total),
                "empty": .bool(records.isEmpty), "contents": .array(Array(slice)),
            ]
            return (pageName(name, page), Data(list.bytes(indent: 2)))
        }
    }

    /// `openreferral/services/<id>.json`: one service in full.
    static func servicePath(_ id: String) -> String { "openreferral/services/\(id).json" }

    /// `openreferral/services.json`, `openreferral/services-page-2.json`.
    public static func pageName(_ name: String, _ page: Int) -> String {
        page == 1 ? "openreferral/\(name).json" : "openreferral/\(name)-page-\(page).json"
    }

    /// A version 5 UUID for one record, from its kind and a name that is unique among records of that kind.
    static func uuid(_ kind: String, _ name: String) -> String { NameUUID.v5(kind + ":" + name) }
}
