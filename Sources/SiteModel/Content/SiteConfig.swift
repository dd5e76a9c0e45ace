/// `Content/site.yml`: what the whole site shares.
public struct SiteConfig: Sendable, Codable {
    public var title: String
    /// The language of the pages, for `<html lang>`. Default `en-GB`.
    public var language: String
    /// A sub-path the site is hosted under, such as `/breaks`. Default: the site is at the root.
    public var basePath: String
    /// A web address the site is published at, for `sitemap.xml`, such as `https://breaks.example.org`.
    public var url: String?
    /// How people can reach the team that runs the site; shown on every page.
    public var contact: Contact
    /// The pages in the site's main navigation, in order.
    public var navigation: [NavigationEntry]
    /// A theme folder, relative to the content folder's parent. Default `Themes/default`.
    public var theme: String?
    /// Checker settings per page format (`standard`, `easy-read`), then per rule id.
    public var checks: [String: [String: RuleSetting]]
    /// Words the checker should treat as known on this site (place names, service names).
    public var words: [String]
    /// Groups of words that mean the same, for the checker's consistent-terms rule: it asks for one of each group per page.
    public var synonyms: [[String]]
    /// Groups of words that search treats as the same (`search_synonyms:`), added to search's own groups. Separate from
    /// `synonyms`, since a word people search for is not always a word a page should avoid mixing.
    public var searchSynonyms: [[String]] = []
    /// Files and folders (ending in `/`) that a person put in the output folder, such as `CNAME`, which every build
    /// carries over into the new site.
    public var keep: [String]
    /// Self-advocacy groups that check easy-read pages; a review file must name one of them.
    public var reviewGroups: [ReviewGroup] = []
    /// The page that says what "Checked by" means, as a path in the content folder; the line links to it.
    public var reviewPage: String?
    /// The paper size pages print on (`print_page_size:`). Default A4.
    public var printPageSize: PrintPageSize = .a4
    /// The council or organisation that publishes the site, named in every page's header (`organisation:`).
    public var organisation: Organisation?
    /// Who to call in a hurry, and when, shown at the top of every page (`emergency:`).
    public var emergency: Emergency?

    public enum CodingKeys: String, CodingKey, CaseIterable {
        case title, language, url, contact, navigation, theme, checks, words, synonyms, keep
        case basePath = "base_path"
        case reviewGroups = "review_groups"
        case reviewPage = "review_page"
        case searchSynonyms = "search_synonyms"
        case printPageSize = "print_page_size"
        case organisation, emergency
    }

    /// `organisation:`: its name, and its own website.
    public struct Organisation: Sendable, Codable {
        public var name: String
        public var url: String?

        public enum CodingKeys: String, CodingKey, CaseIterable { case name, url }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            url = try container.decodeIfPresent(WebAddress.self, forKey: .url)?.value
            name = try container.decode(NonEmptyText.self, forKey: .name).value
        }
    }

    /// `emergency:`: when to call (`when: In a crisis, or if someone is not safe`) and the number.
    public struct Emergency: Sendable, Codable {
        public var when: String
        public var phone: String

        public enum CodingKeys: String, CodingKey, CaseIterable { case when, phone }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            when = try container.decode(NonEmptyText.self, forKey: .when).value
            phone = try container.decode(NonEmptyText.self, forKey: .phone).value
        }
    }

    /// One group in `review_groups:`: its name as review files write it, and where people can find out about it.
    public struct ReviewGroup: Sendable, Codable, Hashable {
        public var name: String
        public var url: String?

        public enum CodingKeys: String, CodingKey, CaseIterable { case name, url }

        public init(name: String, url: String? = nil) {
            self.name = name
            self.url = url
        }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            url = try container.decodeIfPresent(WebAddress.self, forKey: .url)?.value
            name = try container.decode(NonEmptyText.self, forKey: .name).value
        }
    }

    public struct Contact: Sendable, Codable {
        public var phone: String?
        public var email: String?
        /// For example "Monday to Friday, 9am to 5pm".
        public var hours: String?

        public enum CodingKeys: String, CodingKey, CaseIterable { case phone, email, hours }

        public init(phone: String? = nil, email: String? = nil, hours: String? = nil) {
            self.phone = phone
            self.email = email
            self.hours = hours
        }
    }

    public struct NavigationEntry: Sendable, Codable {
        /// The page, as a path in the content folder, such as `pages/short-breaks.md`.
        public var page: String
        /// Words for the link. Default: the page's title.
        public var label: String?

        public enum CodingKeys: String, CodingKey, CaseIterable { case page, label }
    }

    public init(title: String, language: String = "en-GB", basePath: String = "", url: String? = nil,
                contact: Contact = Contact(), navigation: [NavigationEntry] = [], theme: String? = nil,
                checks: [String: [String: RuleSetting]] = [:], words: [String] = [], synonyms: [[String]] = [],
                keep: [String] = []) {
        self.title = title
        self.language = language
        self.basePath = basePath
        self.url = url
        self.contact = contact
        self.navigation = navigation
        self.theme = theme
        self.checks = checks
        self.words = words
        self.synonyms = synonyms
        self.keep = keep
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        language = try container.decodeIfPresent(String.self, forKey: .language) ?? "en-GB"
        basePath = SiteConfig.normalise(basePath: try container.decodeIfPresent(String.self, forKey: .basePath) ?? "")
        url = try container.decodeIfPresent(WebAddress.self, forKey: .url)?.value
        contact = try container.decodeIfPresent(Contact.self, forKey: .contact) ?? Contact()
        navigation = try container.decodeIfPresent([NavigationEntry].self, forKey: .navigation) ?? []
        theme = try container.decodeIfPresent(RelativeFolder.self, forKey: .theme)?.value
        checks = try container.decodeIfPresent([String: [String: RuleSetting]].self, forKey: .checks) ?? [:]
        words = try container.decodeIfPresent([String].self, forKey: .words) ?? []
        synonyms = try container.decodeIfPresent([[String]].self, forKey: .synonyms) ?? []
        searchSynonyms = try container.decodeIfPresent([[String]].self, forKey: .searchSynonyms) ?? []
        keep = try container.decodeIfPresent([KeptPath].self, forKey: .keep)?.map(\.value) ?? []
        reviewGroups = try container.decodeIfPresent([ReviewGroup].self, forKey: .reviewGroups) ?? []
        reviewPage = try container.decodeIfPresent(String.self, forKey: .reviewPage)
        printPageSize = try container.decodeIfPresent(PrintPageSize.self, forKey: .printPageSize) ?? .a4
        organisation = try container.decodeIfPresent(Organisation.self, forKey: .organisation)
        emergency = try container.decodeIfPresent(Emergency.self, forKey: .emergency)
        title = try container.decode(NonEmptyText.self, forKey: .title).value
    }

    /// `breaks/` and `/breaks/` both become `/breaks`; an empty path or `/` becomes "".
    static func normalise(basePath: String) -> String {
        let trimmed = basePath.split(separator: "/").joined(separator: "/")
        return trimmed.isEmpty ? "" : "/" + trimmed
    }
}
