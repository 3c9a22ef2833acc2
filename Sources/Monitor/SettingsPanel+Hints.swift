import TerminalUI

extension SettingsPanel {
    /// The hint under the rows, and the line on what `y` does, as the panel's `width` holds them
    /// (shorter words when narrow).
    static func hints(seed: UInt64, width: Int) -> (live: String, confirm: String) {
        let live = ["live: from the next epoch, same weights; reset: waits for y",
                    "live: next epoch, same weights; reset: waits for y", "live: next epoch; reset: after y"]
        let confirm = ["y: epoch 0; every layer fresh (seed \(seed)), none kept", "y: epoch 0, fresh weights (seed \(seed))"]
        func fitting(_ texts: [String]) -> String { texts.first { TextFit.width($0) <= width } ?? texts[texts.count - 1] }
        return (fitting(live), fitting(confirm))
    }

    /// The panel's title as `width` cells hold it.
    static func title(width: Int) -> String {
        ["Settings: live rows act at once, reset rows wait for y", "Settings: live now, reset after y", "Settings"]
            .first { TextFit.width($0) + 6 <= width } ?? "Settings"
    }
}
