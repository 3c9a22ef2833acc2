import TerminalUI

extension KeyMap {
    /// The keys of `mlptop watch`: the training keys that reach the writer through its control
    /// file (Space, the learning rate, snapshots), then the display's own.
    public static let watch = KeyMap(bindings: [
        KeyBinding([.space], "Space", "ask the writer to pause or resume (a JSONL log with mlptop_log)",
                   legend: KeyHelp(key: "Space", description: "pause"), action: .togglePause),
        KeyBinding([.character("+"), .character("=")], "+ =", "ask the writer to double its learning rate",
                   legend: KeyHelp(key: "+/-", description: "lr"), action: .scaleLearningRate(2)),
        KeyBinding([.character("-"), .character("_")], "- _", "ask the writer to halve its learning rate",
                   action: .scaleLearningRate(0.5)),
        KeyBinding([.character("]")], "]", "learning rate x1.1", action: .scaleLearningRate(1.1)),
        KeyBinding([.character("[")], "[", "learning rate /1.1", action: .scaleLearningRate(1 / 1.1)),
        KeyBinding([.character("s")], "s", "export a snapshot (and ask the writer for one)",
                   legend: KeyHelp(key: "s", description: "snapshot"), action: .snapshot),
        KeyBinding([.character("x")], "x", "next extra curve in the metrics panel",
                   legend: KeyHelp(key: "x", description: "curve"), action: .cycleExtraCurve(1)),
        KeyBinding([.character("X")], "X", "previous extra curve", action: .cycleExtraCurve(-1)),
        KeyBinding([.character("l")], "l", "log scale for the loss chart", action: .toggleLogScale),
        KeyBinding([.character("m")], "m", "smooth the loss lines (moving average over the raw band), or raw again",
                   action: .toggleSmoothing),
        KeyBinding([.character("(")], "(", "less smoothing", action: .changeSmoothing(-1)),
        KeyBinding([.character(")")], ")", "more smoothing", action: .changeSmoothing(1)),
        KeyBinding([.tab, .right, .down], "Tab Right Down", "next layer in the weight map",
                   legend: KeyHelp(key: "Tab", description: "layer"), action: .nextLayer),
        KeyBinding([.backTab, .left, .up], "Shift-Tab Left Up", "previous layer in the weight map", action: .previousLayer),
        KeyBinding([.character("?")], "?", "show or hide this help", legend: KeyHelp(key: "?", description: "help"),
                   action: .toggleHelp),
        KeyBinding([.escape], "Esc", "close the help", action: .closeHelp),
        KeyBinding([.character("q")], "q", "quit (the writer goes on)", legend: KeyHelp(key: "q", description: "quit"),
                   action: .quit),
    ])
}

extension KeyMap {
    /// The legend for a source the keys cannot steer (read-only): the keys that only reach the
    /// writer (Space, the learning rate) are left out; `s` stays, as it writes a snapshot here too.
    public var readOnlyLegendEntries: [KeyHelp] {
        bindings.filter { binding in
            switch binding.action {
            case .togglePause, .scaleLearningRate: false
            default: true
            }
        }.compactMap(\.legend)
    }
}
