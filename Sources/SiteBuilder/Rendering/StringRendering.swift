import Mustache

/// Text values render as themselves, which is what swift-mustache writes for them anyway, but without the long way
/// round: for a value it does not know, it asks whether it is a lambda and an optional, then writes it with
/// `String(describing:)`, each a search of the program's protocol conformances. Nearly every value a page shows is
/// text, so that was a good part of rendering's cost.
///
/// Nothing else changes: swift-mustache checks `isNull` only to leave a section out, and text never was left out
/// for being text; it still escapes `renderText` for `{{name}}` and writes it as it is for `{{{name}}}`.
extension String: @retroactive MustacheCustomRenderable {
    public var renderText: String { self }
    public var isNull: Bool { false }
}
