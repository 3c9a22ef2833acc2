import Datasets
import Foundation
import Monitor
import TerminalUI
import TestSupport
import Testing
@testable import Training

@Suite("The dashboard drawn from a known trainer state")
struct DashboardTests {
    static let palette = Theme(colorMode: .palette256, glyphs: .unicode)
    static let ascii = Theme(colorMode: .none, glyphs: .ascii)

    func frame(
        _ state: TrainerState = MonitorFixtures.state(), view: MonitorViewState = MonitorViewState(layerCount: 3, seed: 1),
        theme: Theme = palette, width: Int = 120, height: Int = 40, now: Double = 0
    ) -> CellBuffer {
        let dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: theme)
        var grid = DecisionGrid(run: dashboard.run)
        let layout = DashboardLayout(width: width, height: height)
        let samples = dashboard.gridSize(in: layout).flatMap {
            grid.samples(for: state, width: $0.width, height: $0.height, now: now)
        }
        var buffer = CellBuffer(width: width, height: height)
        dashboard.render(state: state, view: view, samples: samples, now: now, into: &buffer)
        return buffer
    }

    @Test("the status bar, verbatim, with epoch and lr readable by scripts")
    func statusLine() {
        let lines = frame().lines
        // Fields are as wide as their widest values (a loss `0.0001234`, `100.0%`): see StatusBarSteadyTests.
        #expect(lines[0] == " RUNNING    epoch 1234    loss 0.2345/0.2567        acc 91.2%/90.0%    lr 0.03 sgd   "
            + "8234 epochs/s     spiral 2-16-16-1 ")
        #expect(frame(width: 160).lines[0] == " RUNNING    epoch 1234    train loss 0.2345    acc 91.2%   "
            + "test loss 0.2567    acc 90.0%   lr 0.03 sgd   8234 epochs/s                         spiral 2-16-16-1 ")
    }

    @Test("at 80×24 the key legend still ends with help and quit")
    func legendAt80Columns() {
        let legend = frame(width: 80, height: 24).lines[23]
        #expect(legend.hasPrefix("Space pause n step"), "\(legend)")
        #expect(legend.trimmingCharacters(in: .whitespaces).hasSuffix("… ? help q quit"), "\(legend)")
        #expect(frame(width: 80, height: 24).lines[1].contains("Boundary: train o x, test O X"))
    }

    @Test("the decision map keeps the data's shape in wide and tall panels (within 15%), centred")
    func mapKeepsItsShape() {
        let dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: Self.palette)
        let run = dashboard.run
        #expect(run.xRange.upperBound - run.xRange.lowerBound == run.yRange.upperBound - run.yRange.lowerBound)
        // 100 columns by 20 rows is 100 × 40 square pixels: too wide for square data.
        #expect(dashboard.mapArea(in: Rect(x: 10, y: 5, width: 100, height: 20)) == Rect(x: 37, y: 5, width: 46, height: 20))
        // 20 columns by 30 rows (20 × 60 pixels): too tall.
        #expect(dashboard.mapArea(in: Rect(x: 0, y: 0, width: 20, height: 30)) == Rect(x: 0, y: 9, width: 20, height: 12))
        // Within 15% of square: the whole panel.
        #expect(dashboard.mapArea(in: Rect(x: 0, y: 0, width: 44, height: 20)) == Rect(x: 0, y: 0, width: 44, height: 20))
    }

    @Test("vanish is flagged relative to the other layers, except under Adam")
    func vanishFlag() {
        var state = MonitorFixtures.state()
        var report = MonitorFixtures.report(epoch: 1235)
        report.gradientNorms = [GradientNorm(weights: 1e-9, biases: 0), GradientNorm(weights: 1e-2, biases: 0),
                                GradientNorm(weights: 1e-2, biases: 0)]
        state.record(report, network: MonitorFixtures.network)
        #expect(frame(state).lines.contains { $0.contains("1.0e-9 vanish") })
        var adamRun = MonitorFixtures.runInfo()
        adamRun.optimizer = "adam"
        let dashboard = Dashboard(run: adamRun, theme: Self.palette)
        var buffer = CellBuffer(width: 120, height: 40)
        dashboard.render(state: state, view: MonitorViewState(layerCount: 3, seed: 1), samples: nil, now: 0, into: &buffer)
        #expect(buffer.lines.contains { $0.contains("1.0e-9") })
        #expect(!buffer.lines.contains { $0.contains("vanish") })
    }

    @Test("a speed limit shows beside the speed")
    func speedLimitInStatusBar() {
        var state = MonitorFixtures.state()
        state.speedLimit = 100
        #expect(frame(state).lines[0].contains("8234/100 epochs/s"))
    }

    /// The weight map names the first layer's inputs by the CSV's columns (or the features), and
    /// the loss chart says what each learning-rate mark changed the rate to.
    @Test func weightColumnsAndRateMarksAreNamed() {
        var run = MonitorFixtures.runInfo()
        run.inputNames = ["age", "dose"]
        var state = MonitorFixtures.state()
        state.learningRateChanges = [LearningRateChange(epoch: 600, learningRate: 0.05)]
        func lines(layer: Int) -> [String] {
            var view = MonitorViewState(layerCount: 3, seed: 1)
            view.selectedLayer = layer
            var buffer = CellBuffer(width: 120, height: 40)
            Dashboard(run: run, theme: Self.palette).render(state: state, view: view, samples: nil, now: 0, into: &buffer)
            return buffer.lines
        }
        #expect(lines(layer: 0).contains { $0.contains("cols: age, dose") }, "\(lines(layer: 0).joined(separator: "\n"))")
        #expect(lines(layer: 1).contains { $0.contains("cols: layer 1 units") })
        #expect(lines(layer: 0)[3].contains("lr 0.05"), "\(lines(layer: 0)[3])")
    }

    /// Without colour the region characters get a key on the panel's bottom edge, and at 80
    /// columns the title keeps every point glyph (it was cut at `test O…`).
    @Test func threeClassesWithoutColourHaveARegionKeyAndAWholeTitle() {
        let train = Dataset(name: "three", featureNames: ["x1", "x2"], features: [-1, -1, 1, 1, 0, 1, 1, -1],
                            labels: [0, 1, 2, 0], classCount: 3)
        let test = Dataset(name: "three", featureNames: ["x1", "x2"], features: [0, 0], labels: [2], classCount: 3)
        let run = MonitorRunInfo(datasetName: "three", architecture: "2-4-3", optimizer: "sgd", seed: 1,
                                 rawTrainingSet: train, rawTestSet: test, networkInput: { $0 })
        for (theme, width) in [(Theme(colorMode: .none, glyphs: .unicode), 80), (Self.ascii, 120)] {
            var buffer = CellBuffer(width: width, height: width == 80 ? 24 : 40)
            Dashboard(run: run, theme: theme).render(state: MonitorFixtures.state(), view: MonitorViewState(layerCount: 3, seed: 1),
                                                     samples: nil, now: 0, into: &buffer)
            let lines = buffer.lines
            #expect(lines[1].contains("train o x *, test O X #"), "\(lines[1])")
            let bottom = try! #require(lines.firstIndex { $0.contains("regions") }, "\(lines.joined(separator: "\n"))")
            #expect(lines[bottom].contains("regions .:- ,;+ `'\" "), "\(lines[bottom])")
            #expect(lines[bottom + 1].contains("Weights"), "the key is on the map panel's bottom edge")
        }
        // With 256 colours and half blocks the map is in colour: no key.
        var coloured = CellBuffer(width: 120, height: 40)
        Dashboard(run: run, theme: Self.palette).render(state: MonitorFixtures.state(), view: MonitorViewState(layerCount: 3, seed: 1),
                                                        samples: nil, now: 0, into: &coloured)
        #expect(!coloured.lines.contains { $0.contains("regions") })
    }

    /// Before the first measurement a running trainer's speed is unknown: `-`, not `0`.
    @Test func anUnmeasuredSpeedShowsAsADash() {
        var state = MonitorFixtures.state()
        state.epochsPerSecond = 0
        #expect(frame(state).lines[0].contains("lr 0.03 sgd      - epochs/s"), "\(frame(state).lines[0])")
        state.status = .paused
        #expect(frame(state).lines[0].contains("lr 0.03 sgd      0 epochs/s"), "\(frame(state).lines[0])")
    }

    @Test("narrow screens keep the state, epoch and lr first", arguments: [60, 80])
    func narrowStatus(width: Int) {
        let line = frame(width: width, height: 24).lines[0]
        // Too narrow for fixed widths: unpadded, every number after its word (a bare pair after
        // `lr 0.03` read as part of the learning rate).
        #expect(line.hasPrefix(" RUNNING   epoch 1234 lr 0.03 loss 0.2345/0.2567 acc 91.2%/"), "\(line)")
        if width == 80 { #expect(line.contains("acc 91.2%/90.0% 8234 ep/s"), "\(line)") }
    }

    @Test("the state word follows the run, in its own style", arguments: [
        (RunStatus.paused, " PAUSED   "), (.diverged, " DIVERGED "), (.done, " DONE     "),
    ])
    func stateWord(status: RunStatus, word: String) {
        let buffer = frame(MonitorFixtures.state(status: status))
        #expect(buffer.lines[0].hasPrefix(word))
        #expect(buffer[1, 0].style != buffer[20, 0].style)
    }

    @Test("four titled panels, the legend on the last row, the selected layer marked")
    func panels() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.selectedLayer = 1
        let lines = frame(view: view).lines
        #expect(lines[1].hasPrefix("┌─ Loss ─"))
        #expect(lines[1].contains("┌─ Decision boundary: train o x, test O X ─"))
        #expect(lines[23].hasPrefix("┌─ Weights, layer 2/3: 16→16 tanh ─"))
        #expect(lines[23].contains("┌─ Gradient norms (log scale) ─"))
        #expect(lines[39].hasPrefix("Space pause n step v network +/- lr </> speed s snapshot r reset {/} rewind f fork e settings Tab layer ? help q quit"))
        #expect(lines[24].contains("layer       ‖∂W‖"))
        #expect(lines[25].contains(" 1 2→16   3.1e-4"))
        #expect(lines[26].contains(">2 16→16  2.0e-3"))
        #expect(lines[2].contains("• train 0.234  ∘ test 0.257"), "the latest epoch's 0.2345, as in the status bar")
    }

    @Test("the loss chart falls from top left to bottom right, and l switches it to log scale")
    func lossChart() throws {
        let lines = frame().lines
        let axisRow = try #require(lines.firstIndex { $0.hasPrefix("│   └") })
        let plotRows = lines[3..<axisRow].map { String($0.dropFirst(5).prefix(60)) }
        let firstInk = plotRows.firstIndex { $0.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF } }
        let lastInk = plotRows.lastIndex { $0.unicodeScalars.contains { $0.value > 0x2800 && $0.value <= 0x28FF } }
        #expect(firstInk == 0 || firstInk == 1)
        #expect(lastInk == plotRows.count - 1 || lastInk == plotRows.count - 2)
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.logScale = true
        #expect(frame(view: view).lines[1].hasPrefix("┌─ Loss (log scale) ─"))
    }

    @Test("the decision map shows every data point with its class and split glyph")
    func decisionMap() {
        let buffer = frame()
        let inner = Rect(x: 67, y: 2, width: 52, height: 20)
        var glyphs: [Character: Int] = [:]
        for row in inner.y..<inner.maxY {
            for column in inner.x..<inner.maxX {
                let c = Character(buffer[column, row].character)
                if "oxOX".contains(c) { glyphs[c, default: 0] += 1 }
            }
        }
        #expect(glyphs == ["o": 2, "x": 2, "O": 1, "X": 1])
    }

    @Test("ASCII mode without colour draws only ASCII, in the default colours")
    func asciiOnly() {
        let buffer = frame(theme: Self.ascii)
        let scalars = buffer.lines.joined().unicodeScalars
        #expect(scalars.allSatisfy { $0.isASCII })
        #expect(buffer.cells.allSatisfy { $0.style.foreground == .terminalDefault && $0.style.background == .terminalDefault })
        #expect(buffer.lines[1].hasPrefix("+- Loss -"))
    }

    @Test("a message shows for four seconds; DONE and DIVERGED leave a standing note")
    func messageLine() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.say("lr changed to 0.06", now: 100)
        #expect(frame(view: view, now: 103).lines[38].hasPrefix("lr changed to 0.06"))
        #expect(frame(view: view, now: 104.5).lines[38].trimmingCharacters(in: .whitespaces).isEmpty)
        #expect(frame(MonitorFixtures.state(status: .done), view: view, now: 200).lines[38]
            .hasPrefix("finished at epoch 1234: the final state stays until q"))
        #expect(frame(MonitorFixtures.state(status: .diverged), view: view, now: 200).lines[38]
            .hasPrefix("diverged: lower the learning rate (- or [) and press Space to resume, or r to reset"))
        var blownUp = MonitorFixtures.state(status: .diverged)
        blownUp.divergence = Divergence(epoch: 1235, what: "loss became NaN", learningRate: 50, unusableLargestWeight: 3.6e168)
        #expect(frame(blownUp, view: view, now: 200).lines[38]
            .hasPrefix("diverged, and the weights before it had blown up too: lower the learning rate (- or [), then r to reset"))
    }

    @Test("? draws the key table over the dashboard")
    func help() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.helpVisible = true
        let lines = frame(view: view).lines
        #expect(lines.contains { $0.contains("┌─ Keys ─") })
        #expect(lines.contains { $0.contains("Space              pause or resume training") })
        #expect(lines.contains { $0.contains("q                  quit (the model is saved if --save was given)") })
    }

    @Test("too small: the enlarge notice, the sizes on their own line, the way out, nothing else")
    func tooSmall() {
        expectBuffer(frame(width: 40, height: 8), lines: [
            "                                        ",
            "                                        ",
            "          Enlarge the window:           ",
            "     need at least 60×18, have 40×8     ",
            "                q: quit                 ",
            "                                        ",
            "                                        ",
            "                                        ",
        ])
    }

    @Test("data with three raw features shows a slice through two of them, named; one feature, a note")
    func sliceForThreeFeatures() {
        let raw = Datasets3D.data
        let run = MonitorRunInfo(datasetName: "cube", architecture: "3-4-1", optimizer: "adam", seed: 1,
                                 rawTrainingSet: raw, rawTestSet: raw, networkInput: { $0 })
        let dashboard = Dashboard(run: run, theme: Self.palette)
        #expect(dashboard.gridSize(in: DashboardLayout(width: 120, height: 40)) != nil)
        var buffer = CellBuffer(width: 120, height: 40)
        dashboard.render(state: MonitorFixtures.state(epochs: 2), view: MonitorViewState(layerCount: 3, seed: 1),
                         samples: nil, now: 0, into: &buffer)
        #expect(buffer.lines.contains { $0.contains("Slice x: a, y: b") })
        #expect(!buffer.lines.contains { $0.contains("no map") })
        // The other pair, as x and y would choose it.
        let cycled = Dashboard(run: run.sliced(run.slice!.cycled(axis: 0)), theme: Self.palette)
        cycled.render(state: MonitorFixtures.state(epochs: 2), view: MonitorViewState(layerCount: 3, seed: 1),
                      samples: nil, now: 0, into: &buffer)
        #expect(buffer.lines.contains { $0.contains("Slice x: c, y: b") })

        let line = Dataset(name: "line", featureNames: ["t"], features: [0, 1], labels: [0, 1], classCount: 2)
        let flat = Dashboard(run: MonitorRunInfo(datasetName: "line", architecture: "1-4-1", optimizer: "adam", seed: 1,
                                                 rawTrainingSet: line, rawTestSet: line, networkInput: { $0 }),
                             theme: Self.palette)
        #expect(flat.gridSize(in: DashboardLayout(width: 120, height: 40)) == nil)
        flat.render(state: MonitorFixtures.state(epochs: 2), view: MonitorViewState(layerCount: 3, seed: 1),
                    samples: nil, now: 0, into: &buffer)
        #expect(buffer.lines.contains { $0.contains("no map: 1 input feature (the map needs 2)") })
    }

    @Test("a layer too big for its panel is summarised and says so")
    func bigLayerSummarised() {
        // One wording at every width.
        #expect(frame(width: 80, height: 24).lines.contains { $0.contains("  16×2 shown as 6×2") })
        #expect(frame(width: 120, height: 40).lines.contains { $0.contains(" 16×2 shown as 12×2") })
    }

    @Test("gradient sparklines span the whole run; the value beside them is the latest epoch's")
    func gradientHistoryCoversTheWholeRun() throws {
        let network = MonitorFixtures.network
        var state = TrainerState(network: network, learningRate: 0.03, targetEpochs: 0, epoch: 0, status: .running)
        // Norms rise tenfold every 10,000 epochs up to epoch 50,000, then fall back to 1e-5 at 100,000.
        for epoch in 1...100_000 {
            let norm = pow(10, -abs(Double(epoch) - 50_000) / 10_000)
            var report = MonitorFixtures.report(epoch: epoch)
            report.gradientNorms = Array(repeating: GradientNorm(weights: norm, biases: 0), count: 3)
            state.record(report, network: network)
        }
        let lines = frame(state).lines
        let header = try #require(lines.first { $0.contains("layer       ‖∂W‖") })
        #expect(header.contains("history, whole run"))
        let row = try #require(lines.first { $0.contains("1 2→16 ") })
        #expect(row.contains("1.0e-5"), "the latest norm, 10^-5, not a bucket mean: \(row)")
        let panelPart = try #require(row.range(of: "1 2→16 ")).upperBound
        let bars = Array(row[panelPart...].unicodeScalars.filter { (0x2581...0x2588).contains($0.value) })
        #expect(bars.count >= 20)
        #expect(bars.first == "▁" && bars.last == "▁", "low at the first epoch and at the last: \(row)")
        let peak = Double(try #require(bars.firstIndex(of: "█")) + bars.lastIndex(of: "█")!) / 2
        #expect(abs(peak - Double(bars.count - 1) / 2) <= 1, "the peak of epoch 50,000 in the middle: \(row)")
    }
}
