/// A part of the monitor a lesson can hide (`"hide": ["weights", "network"]`), by the name its
/// panel's title starts with.
///
/// A hidden dashboard panel is not drawn and the layout gives its room to the rest; a hidden
/// `network` view cannot be opened (`v` says so).
public enum DashboardPanel: String, CaseIterable, Hashable, Sendable {
    /// The loss chart.
    case loss
    /// The decision map (or, without a 2-D input plane, the points panel).
    case map
    /// The weight heatmap.
    case weights
    /// The gradient norms.
    case gradients
    /// The network view (`v`).
    case network

    /// The panel `name` means: its own name or the other word its title uses (`decision` or
    /// `boundary` for the map, `gradient`, `weight`).
    public static func named(_ name: String) -> DashboardPanel? {
        if let panel = DashboardPanel(rawValue: name) { return panel }
        return ["decision": .map, "boundary": .map, "weight": .weights, "gradient": .gradients, "network-view": .network][name]
    }

    /// The names a lesson may use, for error messages.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
