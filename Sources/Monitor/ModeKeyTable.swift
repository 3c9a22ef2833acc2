import TerminalUI

/// The key table of a mode that takes over the keys (the settings panel, data editing): like
/// `KeyMap`, one list drives the handling, the legend, the help and the README's table.
public struct ModeKeyTable<Action: Hashable & Sendable>: Sendable {
    /// One row: the keys, their names as shown, what they do, the legend entry, the action.
    public struct Binding: Sendable {
        public var keys: [Key]
        public var label: String
        public var description: String
        public var legend: KeyHelp?
        public var action: Action
    }

    /// The bindings, in the order help shows them.
    public var bindings: [Binding]

    /// A table of `(keys, label, description, legend, action)` rows.
    public init(_ rows: [(keys: [Key], label: String, description: String, legend: KeyHelp?, action: Action)]) {
        bindings = rows.map { Binding(keys: $0.keys, label: $0.label, description: $0.description, legend: $0.legend, action: $0.action) }
    }

    /// What `key` does here, if anything.
    public func action(for key: Key) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The one-line legend's entries.
    public var legendEntries: [KeyHelp] { bindings.compactMap(\.legend) }

    /// Every binding as a help row.
    public var helpEntries: [KeyHelp] { bindings.map { KeyHelp(key: $0.label, description: $0.description) } }

    /// The table for the README, as `KeyMap.markdown` writes it.
    public var markdown: String {
        var lines = ["| Key | Action |", "|---|---|"]
        for binding in bindings {
            let names = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: ", ")
            lines.append("| \(names) | \(binding.description) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
