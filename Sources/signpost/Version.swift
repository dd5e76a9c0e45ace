/// Signpost's version, printed by `signpost --version`. Raise it with each release.
enum SignpostVersion {
    static let text = "0.11.0"
}
