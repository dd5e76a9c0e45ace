/// An amount of money in whole pence. Money is never held in floating point, so £0.10 + £0.20 is exactly £0.30.
public struct Money: Sendable, Hashable, Comparable, Decodable, CustomStringConvertible {
    public var pence: Int

    public init(pence: Int) { self.pence = pence }

    public static let zero = Money(pence: 0)
    /// The most any amount may be: £10 billion, far above any real figure, so sums can never overflow.
    public static let largest = Money(pence: 1_000_000_000_000)

    /// Reads pounds as people write them: `312.40`, `£312.40`, `23,250`, `5`. Nil for anything else, for a
    /// negative amount, for more than two figures of pence, or for more than `largest`.
    public init?(pounds text: String) {
        var text = Substring(text.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("£") { text = text.dropFirst() }
        let cleaned = text.filter { $0 != "," && $0 != "_" }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 12,
              whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var pence = Int(whole)! * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            pence += Int(fraction)! * (fraction.count == 1 ? 10 : 1)
        }
        guard pence <= Money.largest.pence else { return nil }
        self.pence = pence
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
