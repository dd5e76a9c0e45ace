/// What templates see of a phone number and an email address: the words, and `tel:` and `mailto:` links.
/// The site's own contact details and each service's use the same keys.
enum ContactLinks {
    static func values(phone: String?, email: String?) -> [String: Any] {
        var values: [String: Any] = [:]
        if let phone {
            values["phone"] = phone
            values["phoneHref"] = PhoneLinks.href(for: phone)
        }
        if let email {
            values["email"] = email
            values["emailHref"] = "mailto:" + email
        }
        return values
    }
}
