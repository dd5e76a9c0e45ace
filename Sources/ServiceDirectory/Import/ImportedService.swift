/// One service as read from an Open Referral feed, in either shape (HSDS 3.0 UK profile, or the older ORUK v1), before
/// it becomes a Signpost service file. Values are kept as the feed gave them; `ServiceFileWriter` decides how they
/// are written.
public struct ImportedService: Sendable, Equatable {
    /// The feed's id for the service, kept in the file as `openreferral_id`.
    public var id: String
    public var name: String
    public var description: String = ""
    public var status: String?
    public var organizationName: String?
    public var organizationWebsite: String?
    public var email: String?
    public var phone: String?
    public var website: String?
    public var locationName: String?
    public var street: String?
    public var city: String?
    public var postcode: String?
    public var minimumAge: Int?
    public var maximumAge: Int?
    public var eligibility: String?
    public var applicationProcess: String?
    /// Cost options: what each is called, the amount in whole pence, the currency and a description.
    public var costRows: [CostRow] = []
    /// Two-letter language codes.
    public var languages: [String] = []
    public var accessibility: [String] = []
    public var hours: [Hours] = []
    /// `YYYY-MM-DD`, from `assured_date`.
    public var checked: String?
    /// Taxonomy terms, each as the names it may be matched by (name, term or code): the first is shown.
    public var terms: [[String]] = []
    public var areas: [String] = []
    /// Where the service is in the feed: its file and JSON path (`$.contents[3]`).
    public var origin: (file: String, path: String) = ("", "$")
    /// The JSON path each field of the service file came from, by its key there (`ages`, `contact.email`), so a
    /// problem the build would find in the written file is named where it is in the feed.
    public var fieldPaths: [String: String] = [:]

    public struct CostRow: Sendable, Equatable {
        public var option: String
        public var pence: Int
        public var currency: String?
        public var description: String?
    }

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }

    public static func == (lhs: ImportedService, rhs: ImportedService) -> Bool {
        lhs.id == rhs.id && lhs.name == rhs.name && lhs.description == rhs.description
    }
}

extension Hours: Equatable {
    public static func == (lhs: Hours, rhs: Hours) -> Bool {
        lhs.days == rhs.days && lhs.opens == rhs.opens && lhs.closes == rhs.closes
    }
}
