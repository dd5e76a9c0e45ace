/// An amount of money in whole pence. Money is never held in floating point, so £0.10 + £0.20 is exactly £0.30.
public struct Money: Sendable, Hashable, Comparable, Decodable, CustomStringConvertible {
    public var pence: Int

    public init(pence: Int) { self.pence = pence }

    public static let zero = Money(pence: 0)
    /// The most any amount may be: £10 billion, far above any real figure, so sums can never overflow.
    public static let largest = Money(pence: 1_000_000_000_000)

    /// Reads pounds as people write them: `312.40`, `£312.40`, `23,250`, `1,250.50`, `5`. Nil for anything else:
    /// a negative amount, more than two figures of pence, more than `largest`, and a comma anywhere but between
    /// thousands, so `230,25` (pence written with a comma, as in much of Europe) is refused rather than read as
    /// £23,025. The estimator page reads amounts by the same rules (`parsePounds` in the theme's estimator.js).
    public init?(pounds text: String) {
        var text = Substring(text.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("£") { text = text.dropFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let written = parts.first, let whole = Money.wholePounds(written) else { return nil }
        var pence = whole * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            pence += Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        guard pence <= Money.largest.pence else { return nil }
        self.pence = pence
    }

    /// Whole pounds written with figures only, or with commas between each three figures (`23250`, `23,250`).
    private static func wholePounds(_ text: Substring) -> Int? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...12).contains(first.count),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.count == 1 || first.count <= 3
        else { return nil }
        let digits = groups.joined()
        return digits.count <= 12 ? Int(digits) : nil
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let money = Money(pounds: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "should be an amount in pounds, such as `23250` or `197.05`, not `\(text)`."))
        }
        self = money
    }

    /// `£312.40`, `£23,250`: pence shown only when there are some.
    public var description: String {
        let pounds = pence / 100, rest = pence % 100
        var digits = String(pounds)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        let penceText = rest < 10 ? "0\(rest)" : "\(rest)"
        return "£" + digits + grouped + (rest == 0 ? "" : ".\(penceText)")
    }

    /// Always with pence: `£312.40`, `£0.00`, for sums on a worksheet.
    public var withPence: String {
        let rest = pence % 100
        return Money(pence: pence - rest).description + "." + (rest < 10 ? "0\(rest)" : "\(rest)")
    }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }
}
