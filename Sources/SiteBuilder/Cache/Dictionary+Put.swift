extension Dictionary where Key == String {
    /// Sets the value under `key`, and keeps the key spelled as `key` is: Swift counts a name written with composed
    /// and with combining accents as the same key, and assigning would keep the old spelling. A key already there as
    /// the same bytes keeps its place in the table, so a table changed only in its values is still walked in step with
    /// the table it was copied from (`CacheChanges`).
    /// Returns the value that was there under the same bytes, if any: nil for a key new, or spelled anew.
    @discardableResult
    mutating func put(_ value: Value, at key: String) -> Value? {
        if let (index, exact) = place(of: key) {
            if exact {
                defer { values[index] = value }
                return values[index]
            }
            remove(at: index)
        }
        self[key] = value
        return nil
    }

    /// The value under `key` when the table has it spelled as the very same bytes; nil for any other spelling that
    /// Swift counts as the same name (composed or combining accents, a Kelvin sign for a K).
    func value(spelledExactly key: String) -> Value? {
        guard let (index, exact) = place(of: key), exact else { return nil }
        return values[index]
    }

    /// Where the table holds `key`, and whether it holds it as the very same bytes.
    private func place(of key: String) -> (index: Index, exact: Bool)? {
        guard let index = index(forKey: key) else { return nil }
        return (index, self[index].key.utf8.elementsEqual(key.utf8))
    }
}
