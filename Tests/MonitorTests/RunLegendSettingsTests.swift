import Monitor
import Testing
import TerminalUI
import TestSupport
import Training

/// The legend names each run by what its full settings change from the run on show's, not by
/// comparing labels (a fork's label holds only the change it was forked with).
@Suite struct RunLegendSettingsTests {
    /// `mlptop train --lr 0.03`, and its forks `hidden=4` and `lr=0.3`: settings and labels.
    static func runs() throws -> (settings: [[String]], labels: [String]) {
        var main = RunConfiguration()
        main.optimizer.learningRate = 0.03
        let forks = try ["hidden=4", "lr=0.3"].map { text in try main.applying(ConfigurationChange.parse(text)) }
        let settings = try ([main] + forks).map { configuration in try configuration.prepare().legendSettings }
        return (settings, ["lr=0.03", "hidden=4", "lr=0.3"])
    }

    @Test("a run's settings resolve every default to what it trains with")
    func resolvedSettings() throws {
        let settings = try Self.runs().settings[0]
        #expect(settings == ["dataset=spiral", "n=400", "noise=0.0", "features=raw", "standardize=false", "hidden=16,16",
                             "activation=tanh", "loss=bce", "optimizer=sgd", "lr=0.03", "weight-decay=0.0", "l1=0.0",
                             "batch=full", "epochs=0", "seed=1", "test-fraction=0.2"])
    }

    @Test("the diff keeps the settings whose values differ, and leaves another optimiser's own settings to optimizer=")
    func differingSettings() {
        #expect(Dashboard.settingsDiffering(["lr=0.03", "hidden=16,16", "batch=full"], from: ["lr=0.03", "hidden=4", "batch=full"])
                == ["hidden=16,16"])
        #expect(Dashboard.settingsDiffering(["optimizer=adam", "lr=0.01", "beta1=0.9"], from: ["optimizer=sgd", "lr=0.01"])
                == ["optimizer=adam"])
        #expect(Dashboard.settingsDiffering(["lr=0.1"], from: ["lr=0.1"]).isEmpty)
    }

    @Test("beside the fork hidden=4, run 1 is named by its hidden layers, not by the lr both share")
    func besideAFork() throws {
        let (settings, labels) = try Self.runs()
        let names = [0, 2].map { Dashboard.legendNames($0, settings: settings, labels: labels, pinned: false, shown: 1) }
        // Run 3's own label (`lr=0.3`) comes first, then the rest in the settings' order.
        #expect(names.map(\.name) == ["1 hidden=16,16", "3 lr=0.3,hidden=16,16"])
        #expect(names.map(\.shortName) == ["1 16,16", "3 lr=0.3 16,16"])
        let besideMain = [1, 2].map { Dashboard.legendNames($0, settings: settings, labels: labels, pinned: false, shown: 0) }
        #expect(besideMain.map(\.name) == ["2 hidden=4", "3 lr=0.3"])
    }

    @Test("runs with the same settings, or none known, keep their labels")
    func fallBackToLabels() {
        let same = ["lr=0.1", "hidden=8"]
        #expect(Dashboard.legendNames(1, settings: [same, same], labels: ["main", "lr=0.1"], pinned: false).name == "2 lr=0.1")
        #expect(Dashboard.legendNames(1, settings: [[], []], labels: ["main", "lr=0.3"], pinned: true).name == "2* lr=0.3")
    }

    @Test("the legend at 80 columns with the fork hidden=4 on show")
    func legendBuffer() throws {
        let (settings, labels) = try Self.runs()
        var chart = LossChart(train: [(0, 1.0), (4, 0.0)], test: [], theme: Theme(colorMode: .none, glyphs: .unicode))
        chart.overlays = [0, 2].map { index in
            let names = Dashboard.legendNames(index, settings: settings, labels: labels, pinned: false, shown: 1)
            return LossOverlay(name: names.name, points: [LossPoint(epoch: 0, value: 0.5)], style: .plain, marker: "•",
                               shortName: names.shortName)
        }
        var buffer = CellBuffer(width: 80, height: 5)
        chart.render(in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: [
            "• train 0  ∘ test  • 1 hidden=16,16  • 3 lr=0.3,hidden=16,16                    ",
            "1┤⠉⠉⠉⠉⠉⠉⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀                                       ",
            "0┤⠁                                      ⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⣀⣀⣀⣀⣀⣀",
            " └┬─────────┬────────┬─────────┬─────────┬────────┬─────────┬────────┬─────────┬",
            "  0        0.5       1        1.5        2       2.5        3       3.5        4",
        ])
    }
}
