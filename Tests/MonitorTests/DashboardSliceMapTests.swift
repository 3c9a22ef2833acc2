import Datasets
import Monitor
import TerminalUI
import Testing
import Training

/// The decision map of data with more than two input columns (a slice through two of them), on
/// columns of different scales: fruit's weight (8–180) beside its length (1–20).
@Suite("The slice map: its point key and its use of the panel")
struct DashboardSliceMapTests {
    static let theme = Theme(colorMode: .none, glyphs: .unicode)

    /// Six fruit, weight/length/redness/width, three classes (apple, banana, cherry).
    static let fruit = Dataset(
        name: "fruit", featureNames: ["weight", "length", "redness", "width"],
        features: [150, 8, 0.9, 7, 180, 9, 0.7, 8, 120, 18, 0.1, 3.5, 100, 15, 0.2, 3, 8, 1, 0.9, 1, 12, 2, 0.8, 2],
        labels: [0, 0, 1, 1, 2, 2], classCount: 3)

    static func run(_ data: Dataset = fruit) -> MonitorRunInfo {
        MonitorRunInfo(datasetName: data.name, architecture: "4-8-3", optimizer: "adam", seed: 1,
                       rawTrainingSet: data, rawTestSet: data, networkInput: { $0 })
    }

    /// The map panel's rows of the dashboard drawn at `width` × `height` (no decision grid: the points alone).
    func mapPanel(_ run: MonitorRunInfo, width: Int, height: Int) -> [String] {
        let dashboard = Dashboard(run: run, theme: Self.theme)
        var buffer = CellBuffer(width: width, height: height)
        dashboard.render(state: MonitorFixtures.state(epochs: 2), view: MonitorViewState(layerCount: 3, seed: 1),
                         samples: nil, now: 0, into: &buffer)
        let map = DashboardLayout(width: width, height: height).map
        return buffer.lines[map.y..<map.maxY].map { String(Array($0)[map.x..<map.maxX]) }
    }

    @Test("columns of different scales fill the panel: no letterbox to equal units")
    func differentScalesFillThePanel() {
        let dashboard = Dashboard(run: Self.run(), theme: Self.theme)
        let inner = Rect(x: 1, y: 1, width: 50, height: 20)
        #expect(dashboard.mapArea(in: inner) == inner)
        // After `x`: redness (0–1) across, length (1–20) up.
        let cycled = Dashboard(run: Self.run().sliced(Self.run().slice!.cycled(axis: 0)), theme: Self.theme)
        #expect(cycled.run.slice!.axisNames == ["redness", "length"])
        #expect(cycled.mapArea(in: inner) == inner)
    }

    @Test("at 120 columns the slice map's title names both columns and keeps the point key")
    func titleAt120() {
        let panel = mapPanel(Self.run(), width: 120, height: 40)
        #expect(panel == Self.panel120, "\n\(panel.joined(separator: "\n"))")
    }

    @Test("at 80 columns the slice map's title keeps the point key and the columns, in short")
    func titleAt80() {
        let panel = mapPanel(Self.run(), width: 80, height: 24)
        #expect(panel == Self.panel80, "\n\(panel.joined(separator: "\n"))")
    }

    static let panel120: [String] = [
        "┌─ Slice x: weight, y: length; train o x * ──────────┐",
        "│                                                    │",
        "│                                X                   │",
        "│                                                    │",
        "│                                                    │",
        "│                           X                        │",
        "│                                                    │",
        "│                                                    │",
        "│                                                    │",
        "│                                                    │",
        "│                                                    │",
        "│                                                O   │",
        "│                                        O           │",
        "│                                                    │",
        "│                                                    │",
        "│                                                    │",
        "│                                                    │",
        "│                                                    │",
        "│    #                                               │",
        "│   #                                                │",
        "│                                                    │",
        "└─ regions .:- ,;+ `'\" ──────────────────────────────┘",
    ]
    static let panel80: [String] = [
        "┌─ weight × length: o x * ─────────┐",
        "│                     X            │",
        "│                                  │",
        "│                  X               │",
        "│                                  │",
        "│                                  │",
        "│                          O    O  │",
        "│                                  │",
        "│                                  │",
        "│   #                              │",
        "│  #                               │",
        "└─ regions .:- ,;+ `'\" ────────────┘",
    ]
}
