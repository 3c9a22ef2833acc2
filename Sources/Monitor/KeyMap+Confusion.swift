import TerminalUI

extension KeyMap {
    /// The confusion view's keys: back to the dashboard or on to the network view, then the keys
    /// every view shares (training keys keep working; the matrices follow the run).
    public static let confusion = KeyMap(bindings: [
        KeyBinding([.character("c")], "c", "back to the dashboard", legend: KeyHelp(key: "c", description: "dashboard"),
                   action: .toggleConfusion),
    ] + shared.map { binding in
        var quiet = binding
        if binding.action != .togglePause && binding.action != .step { quiet.legend = nil }
        return quiet
    } + closing)
}
