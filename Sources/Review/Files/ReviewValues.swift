import SiteModel

/// Values in a review file that are text or numbers in YAML but keep a rule. Each is decoded on its own node, so a
/// wrong value is reported at its own line and column.

/// A page's version: 64 lowercase hex digits.
struct PageHash: Decodable {
    let value: String

    init(from decoder: Decoder) throws {
        value = try decoder.checkedValue(ReviewablePage.isPageHash) {
            "should be the page's version: 64 letters and digits (0 to 9 and a to f), as the facilitator's sheet shows it, not `\($0)`."
        }
    }
}

/// A point's hash: 12 lowercase hex digits.
struct PointHash: Decodable {
    let value: String

    init(from decoder: Decoder) throws {
        value = try decoder.checkedValue(ReviewablePage.isPointHash) {
            "should be the point's hash: 12 letters and digits (0 to 9 and a to f), as the facilitator's sheet shows it, not `\($0)`."
        }
    }
}

/// How many people chose an answer: 0 or more.
struct Count: Decodable {
    let value: Int

    init(from decoder: Decoder) throws {
        value = try decoder.checkedValue({ $0 >= 0 }) {
            "is how many people chose this answer, so it can't be below zero, like `\($0)`."
        }
    }
}

/// A point's number: 1 or more.
struct PointNumber: Decodable {
    let value: Int

    init(from decoder: Decoder) throws {
        value = try decoder.checkedValue({ $0 >= 1 }) { "is a point's number, which starts at 1, so it can't be `\($0)`." }
    }
}
