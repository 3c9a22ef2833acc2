import TerminalUI

extension KeyMap {
    /// The help rows of the bindings whose keys are not in `taken` (a mode that takes those keys
    /// over): a binding with all its keys taken is left out, one with some taken lists only the
    /// others (`Tab Right Down` under a mode that takes the arrows reads `Tab`). O(bindings × keys).
    public func helpEntries(without taken: Set<Key>) -> [KeyHelp] {
        bindings.compactMap { binding in
            let kept = binding.keys.filter { !taken.contains($0) }
            guard !kept.isEmpty else { return nil }
            guard kept.count < binding.keys.count else { return KeyHelp(key: binding.label, description: binding.description) }
            // The label names the keys in order, one word each; otherwise it cannot be split.
            let names = binding.label.split(separator: " ").map(String.init)
            guard names.count == binding.keys.count else { return KeyHelp(key: binding.label, description: binding.description) }
            let label = zip(binding.keys, names).filter { !taken.contains($0.0) }.map(\.1).joined(separator: " ")
            let gone = zip(binding.keys, names).filter { taken.contains($0.0) }.map(\.1)
            return KeyHelp(key: label, description: Self.description(binding.description, without: gone))
        }
    }

    /// `description` without the clauses that say what a key named in `names` does
    /// (`…, out (twice), 0: the whole run` without `0` reads `…, out (twice)`): a mode that takes
    /// a key over must not have the help describe it as the dashboard's. A clause is `, K: text`
    /// up to the next comma or bracket.
    static func description(_ description: String, without names: [String]) -> String {
        var text = description
        for name in names {
            while let clause = text.range(of: ", " + name + ": ") {
                let end = text[clause.upperBound...].firstIndex { $0 == "," || $0 == "(" || $0 == ")" } ?? text.endIndex
                text.removeSubrange(clause.lowerBound..<end)
            }
        }
        return text
    }
}

extension ModeKeyTable {
    /// Every key the mode takes over.
    public var keys: Set<Key> { Set(bindings.flatMap(\.keys)) }

    /// The help of the mode over `keyMap`: the mode's keys, then only those of `keyMap`'s that the
    /// mode leaves to it (they still do what they do there).
    public func helpEntries(over keyMap: KeyMap) -> [KeyHelp] {
        helpEntries + keyMap.helpEntries(without: keys)
    }
}
