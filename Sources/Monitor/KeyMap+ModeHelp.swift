import TerminalUI

extension KeyMap {
    /// The help rows of the bindings whose keys are not in `taken` (a mode that takes those keys
    /// over): a binding with all its keys taken is left out, one with some taken lists only the
    /// others (`Tab Right Down` under a mode that takes the arrows reads `Tab`), and no description
    /// keeps a clause about a key named in `takenNames` or taken from it (the mode's keys do
    /// something else there). O(bindings × keys).
    public func helpEntries(without taken: Set<Key>, takenNames: Set<String> = []) -> [KeyHelp] {
        bindings.compactMap { binding in
            let kept = binding.keys.filter { !taken.contains($0) }
            guard !kept.isEmpty else { return nil }
            // The label names the keys in order, one word each; otherwise it cannot be split.
            let names = binding.label.split(separator: " ").map(String.init)
            let splits = names.count == binding.keys.count
            let gone = splits ? zip(binding.keys, names).filter { taken.contains($0.0) }.map(\.1) : []
            let label = kept.count < binding.keys.count && splits
                ? zip(binding.keys, names).filter { !taken.contains($0.0) }.map(\.1).joined(separator: " ") : binding.label
            return KeyHelp(key: label, description: Self.description(binding.description, without: takenNames.union(gone)))
        }
    }

    /// `description` without the clauses that say what a key named in `names` does
    /// (`…, out (twice), 0: the whole run` without `0` reads `…, out (twice)`; `… (Left Right: move
    /// it, Home End: …)` without `Left` and `Right` reads `… (Home End: …)`): a mode that takes a
    /// key over must not have the help describe it as the dashboard's. A clause is `KEYS: text`
    /// after `, ` or `(`, up to the next comma or bracket, and goes when every one of its keys does.
    static func description(_ description: String, without names: Set<String>) -> String {
        let clause = /(, |\()([^\s,():]+(?: [^\s,():]+)*): [^,()]*/
        var text = description
        var from = text.startIndex
        while let match = text[from...].firstMatch(of: clause) {
            let keys = match.output.2.split(separator: " ").map(String.init)
            guard keys.allSatisfy(names.contains) else {
                from = match.range.upperBound
                continue
            }
            var range = match.range
            if match.output.1 == "(" {
                range = text.index(after: range.lowerBound)..<range.upperBound
                if text[range.upperBound...].hasPrefix(", ") {
                    range = range.lowerBound..<text.index(range.upperBound, offsetBy: 2)
                } else if text[range.upperBound...].hasPrefix(")") {
                    // The clause was the whole bracket: the bracket and the space before it go.
                    var start = match.range.lowerBound
                    if start > text.startIndex, text[text.index(before: start)] == " " { start = text.index(before: start) }
                    range = start..<text.index(after: range.upperBound)
                }
            }
            // The search goes on from the clause's opening, which the next clause may now share.
            let offset = text.distance(from: text.startIndex, to: min(range.lowerBound, match.range.lowerBound))
            text.removeSubrange(range)
            from = text.index(text.startIndex, offsetBy: offset)
        }
        return text
    }
}

extension ModeKeyTable {
    /// Every key the mode takes over.
    public var keys: Set<Key> { Set(bindings.flatMap(\.keys)) }

    /// The names the mode's help gives its keys (`Left`, `h`, `Esc` …).
    public var keyNames: Set<String> { Set(bindings.flatMap { $0.label.split(separator: " ").map(String.init) }) }

    /// The help of the mode over `keyMap`: the mode's keys, then only those of `keyMap`'s that the
    /// mode leaves to it (they still do what they do there), less `inapplicable` ones (keys that
    /// mean nothing in the mode), and no clause about a key the mode takes.
    public func helpEntries(over keyMap: KeyMap, inapplicable: Set<Key> = []) -> [KeyHelp] {
        helpEntries + keyMap.helpEntries(without: keys.union(inapplicable), takenNames: keyNames)
    }
}
