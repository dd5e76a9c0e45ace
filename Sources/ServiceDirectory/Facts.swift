import SiteModel
import Foundation

/// A service's details as words people read: costs, ages, opening times, languages.
public enum Facts {
    /// `£40.71`, or `£40` for whole pounds.
    public static func money(_ amount: Double, currency: String? = "GBP") -> String {
        let symbol = ["GBP": "£", "EUR": "€", "USD": "$"][currency ?? "GBP"] ?? ((currency ?? "") + " ")
        // Amounts are checked when services are read; this never traps even on one that was not.
        let pence = Int(exactly: (amount * 100).rounded()) ?? 0
        return pence % 100 == 0 ? "\(symbol)\(pence / 100)" : "\(symbol)\(pence / 100).\(twoDigits(pence % 100))"
    }

    /// "Free", "From £40.71", or "Ask about the cost".
    public static func costSummary(_ costs: [Cost]) -> String {
        guard let cheapest = costs.map(\.amount).min() else { return "Ask about the cost" }
        if costs.allSatisfy({ $0.amount == 0 }) { return "Free" }
        let lowest = costs.first { $0.amount == cheapest }!
        return costs.count == 1 ? "\(lowest.option): \(money(lowest.amount, currency: lowest.currency))"
            : "From \(money(cheapest, currency: lowest.currency))"
    }

    /// "18 to 64", "18 and over", "Up to 17", "All ages".
    public static func ages(_ ages: Ages?) -> String {
        switch (ages?.min, ages?.max) {
        case let (min?, max?): "\(min) to \(max)"
        case let (min?, nil): "\(min) and over"
        case let (nil, max?): "Up to \(max)"
        default: "All ages"
        }
    }

    /// "Monday to Friday, 9am to 5pm".
    public static func hours(_ hours: Hours) -> String {
        if hours.opens == "00:00" && (hours.closes == "23:59" || hours.closes == "24:00") {
            return "\(days(hours.days)), day and night"
        }
        return "\(days(hours.days)), \(time(hours.opens)) to \(time(hours.closes))"
    }

    static func days(_ days: [Weekday]) -> String {
        let all = Weekday.allCases
        let indices = days.compactMap { all.firstIndex(of: $0) }.sorted()
        if indices.count == 7 { return "Every day" }
        if indices.count > 2, indices.last! - indices.first! == indices.count - 1 {
            return "\(all[indices.first!].name) to \(all[indices.last!].name)"
        }
        let names = indices.map { all[$0].name }
        return names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names.first ?? ""
    }

    /// `09:00` → `9am`, `17:30` → `5:30pm`, `00:00` and `24:00` → `midnight`, `12:00` → `midday`.
    public static func time(_ text: String) -> String {
        guard let minutes = ServiceLoader.minutes(text) else { return text }
        let h = minutes / 60, m = minutes % 60
        if m == 0 && (h == 0 || h == 24) { return "midnight" }
        if m == 0 && h == 12 { return "midday" }
        let hour12 = h % 12 == 0 ? 12 : h % 12
        let suffix = h < 12 ? "am" : "pm"
        return m == 0 ? "\(hour12)\(suffix)" : "\(hour12):\(twoDigits(m))\(suffix)"
    }

    /// `5` → `05`, as `String(format: "%02d")` writes it, without Foundation's formatting, which is slow.
    static func twoDigits(_ number: Int) -> String {
        guard number >= 0 else { return String(format: "%02d", number) }
        return number < 10 ? "0\(number)" : "\(number)"
    }

    static let languageNames: [String: String] = [
        "en": "English", "gu": "Gujarati", "pa": "Punjabi", "ur": "Urdu", "hi": "Hindi", "bn": "Bengali",
        "pl": "Polish", "so": "Somali", "ar": "Arabic", "ro": "Romanian", "pt": "Portuguese", "es": "Spanish",
        "fr": "French", "zh": "Chinese", "ta": "Tamil", "tr": "Turkish", "ku": "Kurdish", "fa": "Persian",
        "ps": "Pashto", "ti": "Tigrinya", "cy": "Welsh", "lt": "Lithuanian", "lv": "Latvian", "sk": "Slovak",
        "cs": "Czech", "it": "Italian", "de": "German", "bg": "Bulgarian", "uk": "Ukrainian", "ru": "Russian",
        "ml": "Malayalam", "te": "Telugu", "sw": "Swahili", "am": "Amharic", "yo": "Yoruba", "ig": "Igbo",
    ]

    public static func language(_ code: String) -> String { languageNames[code] ?? code }

    static let knownLabels: [String: String] = [
        "peg-feeding": "Tube feeding (PEG)", "behaviour-support": "Positive behaviour support",
        "same-gender-carers": "Carers of the same gender", "step-free": "Step-free access",
        "accessible-bathroom": "Accessible bathroom", "home-visits": "Visits you at home",
        "wheelchair-accessible-transport": "Wheelchair-accessible transport", "profiling-bed": "Profiling bed",
    ]

    /// `peg-feeding` → `Tube feeding (PEG)`; other values `like-this` → `Like this`.
    public static func label(_ value: String) -> String {
        if let known = knownLabels[value] { return known }
        // A directory uses a handful of values thousands of times: each is worked out once.
        return madeLabels.value(for: value) { makeLabel(value) }
    }

    private static let madeLabels = SharedCache<String, String>()

    private static func makeLabel(_ value: String) -> String {
        let words = value.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
