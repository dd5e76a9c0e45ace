import SiteModel

/// Values in a review file that are text or numbers in YAML but keep a rule. Each is decoded on its own node, so a
/// wrong value is reported at its own line and column.

/// A page's version: 64 lowercase hex digits.
struct PageHash: Decodable {
    let value: String

    init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
        guard ReviewablePage.isPageHash(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "should be the page's version: 64 letters and digits (0 to 9 and a to f), as the facilitator's sheet shows it, not `\(value)`."))
        }
    }
}

/// A point's hash: 12 lowercase hex digits.
struct PointHash: Decodable {
    let value: String

    init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
        guard ReviewablePage.isPointHash(value) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "should be the point's hash: 12 letters and digits (0 to 9 and a to f), as the facilitator's sheet shows it, not `\(value)`."))
        }
    }
}

/// How many people chose an answer: 0 or more.
struct Count: Decodable {
    let value: Int

    init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
        if value < 0 {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "is how many people chose this answer, so it can't be below zero, like `\(value)`."))
        }
    }
}

/// A point's number: 1 or more.
struct PointNumber: Decodable {
    let value: Int

    init(from decoder: Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
        if value < 1 {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "is a point's number, which starts at 1, so it can't be `\(value)`."))
        }
    }
}
