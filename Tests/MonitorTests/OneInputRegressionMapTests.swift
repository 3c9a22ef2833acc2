import Datasets
@testable import Monitor
import TerminalUI
import TestSupport
import Testing

/// The map panel of a regression on one input column (a CSV `x,y`): no map can be drawn, and
/// the title says nothing of a prediction that is not there.
@Suite struct OneInputRegressionMapTests {
    @Test("one input, regression: the panel is titled Map over the note, not Prediction")
    func titleMatchesTheNote() {
        let data = Dataset(name: "sin", featureNames: ["x"], features: [0, 1, 2, 3], targets: [0, 0.8, 0.9, 0.1])
        let run = MonitorRunInfo(datasetName: "sin", architecture: "1-8-1", optimizer: "adam", seed: 1,
                                 rawTrainingSet: data, rawTestSet: data, networkInput: { $0 })
        let dashboard = Dashboard(run: run, theme: Theme(colorMode: .none, glyphs: .unicode))
        var buffer = CellBuffer(width: 50, height: 5)
        dashboard.renderMap(nil, in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: [
            "┌─ Map ──────────────────────────────────────────┐",
            "│                                                │",
            "│   no map: 1 input feature (the map needs 2)    │",
            "│                                                │",
            "└────────────────────────────────────────────────┘",
        ])
    }
}
