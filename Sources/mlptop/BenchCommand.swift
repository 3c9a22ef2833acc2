import ArgumentParser
import Benchmarks
import Datasets
import Foundation
import MLPEngine
import Monitor
import TerminalUI
import Training

/// `mlptop bench`: training throughput on fixed workloads, and the machine's DGEMM peak.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training speed (epochs/s, GFLOP/s) on fixed workloads.",
        discussion: """
            Workloads (full-batch gradient descent, one step per epoch, unless noted):
              small      2-8-8-1 sigmoid, mse, 200 xor points
              medium     2-32-32-1 tanh, sigmoid output, bce, 2,000 circle points
              large      2-256-256-1 relu, sigmoid output, bce, 20,000 spiral points
              minibatch  2-16-16-1 relu, sigmoid output, bce, 2,000 moons points,
                         shuffled batches of 32
              peak       OpenBLAS DGEMM 1024×1024×1024: the matrix-product limit
              render     the monitor's dashboard for a trained spiral run at
                         120×40 and 240×70 (Unicode + 256 colours, and ASCII):
                         ms per frame, decision grid cached and re-evaluated
                         (not part of "all")
              monitor    medium trained for --seconds headless, then with the
                         monitor drawing at 30 fps into an off-screen terminal:
                         epochs/s and the ratio (not part of "all")
              group      6 runs of medium at once in a RunGroup (as compare
                         trains them) and as 6 Trainers sharing the cores
                         (as the monitor trains them), against the same 6
                         one after another and against plain threads:
                         epochs/s and the ratio (not part of "all")
            GFLOP/s counts 6 × weights × samples per epoch (2 forward, 4 backward);
            peak counts 2n³. Build with -c release for meaningful numbers.
            """
    )

    @Option(help: "small, medium, large, minibatch, peak, or all (the four workloads and peak).")
    var workload = "all"

    @Option(help: "Threads for the gradient (and for DGEMM in peak).")
    var threads = 1

    @Option(help: "Seconds of timing per workload (after a short warm-up).")
    var seconds = 3.0

    @Flag(help: "One JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        let names = Workload.all.map(\.name) + ["peak", "render", "monitor", "group", "all"]
        guard names.contains(workload) else {
            throw ValidationError("unknown workload \"\(workload)\"; choose one of: \(names.joined(separator: ", "))")
        }
        guard threads >= 1 && threads <= 256 else { throw ValidationError("--threads must be between 1 and 256") }
        guard seconds > 0 && seconds <= 3600 else { throw ValidationError("--seconds must be in (0, 3600]") }
    }

    func run() {
        if workload == "render" { return RenderBenchmark.run(seconds: seconds) }
        if workload == "monitor" { return MonitorBenchmark.run(threads: threads, seconds: seconds) }
        if workload == "group" { return GroupBenchmark.run(seconds: seconds) }
        let chosen = workload == "all" ? Workload.all : Workload.all.filter { $0.name == workload }
        if !json { StandardStreams.output(Self.tableHeader) }
        func show(_ r: BenchmarkResult) {
            StandardStreams.output(json ? r.json : Self.tableRow(r))
        }
        for w in chosen { show(BenchmarkRunner.measure(w, threads: threads, seconds: seconds)) }
        if workload == "peak" || workload == "all" { show(BenchmarkRunner.peak(threads: threads, seconds: seconds)) }
    }

    /// The table's header; each column's figures end under its name's last letter.
    static let tableHeader = "workload    threads    epochs/s     GFLOP/s   seconds"

    /// One result as a row of the table. (`%-10@` does not pad on Linux: the name is padded here.)
    static func tableRow(_ r: BenchmarkResult) -> String {
        r.workload.padding(toLength: 10, withPad: " ", startingAt: 0)
            + String(format: " %8d %11.1f %11.2f %9.2f", r.threads, r.epochsPerSecond, r.gflops, r.seconds)
    }
}

/// `mlptop bench --workload render`: milliseconds per dashboard frame for a real trained state.
enum RenderBenchmark {
    static func run(seconds: Double) {
        let configuration = RunConfiguration()
        guard let prepared = try? configuration.prepare() else { return }
        let trainer = Trainer(run: prepared.makeTrainingRun(), targetEpochs: prepared.configuration.epochs,
                              makeNetwork: { prepared.freshNetwork(seed: $0) })
        trainer.start()
        while trainer.state.status != .done, trainer.state.epoch < 3000 { usleep(10_000) }
        trainer.send(.stop)
        trainer.waitUntilStopped()
        let state = trainer.state
        let run = MonitorRunInfo(prepared: prepared)
        StandardStreams.output("render: the dashboard at epoch \(state.epoch) of \(prepared.network.architecture) on spiral")
        StandardStreams.output("size      glyphs+colours   ms/frame (grid cached)   ms/frame (grid evaluated)")
        let view = MonitorViewState(layerCount: state.network.shapes.count, seed: 1)
        for (width, height) in [(120, 40), (240, 70)] {
            for (name, theme) in [("unicode+256", Theme(colorMode: .palette256, glyphs: .unicode)),
                                  ("ascii", Theme(colorMode: .none, glyphs: .ascii))] {
                let dashboard = Dashboard(run: run, theme: theme)
                let size = dashboard.gridSize(in: DashboardLayout(width: width, height: height))
                var buffer = CellBuffer(width: width, height: height)
                func frame(_ grid: inout DecisionGrid) {
                    let samples = size.flatMap { grid.samples(for: state, width: $0.width, height: $0.height, now: 0) }
                    dashboard.render(state: state, view: view, samples: samples, now: 0, into: &buffer)
                }
                var cached = DecisionGrid(run: run)
                let cachedTime = timePerCall(seconds: seconds / 8) { frame(&cached) }
                let evaluatedTime = timePerCall(seconds: seconds / 8) {
                    var fresh = DecisionGrid(run: run)
                    frame(&fresh)
                }
                let label = "\(width)x\(height)".padding(toLength: 10, withPad: " ", startingAt: 0)
                    + name.padding(toLength: 16, withPad: " ", startingAt: 0)
                StandardStreams.output(label + String(format: "%12.3f %25.3f", cachedTime * 1000, evaluatedTime * 1000))
            }
        }
        NetworkViewRenderBenchmark.run(state: state, run: run, seconds: seconds)
    }

    /// Seconds per call of `body`, repeated for about `seconds` after one warm-up call.
    static func timePerCall(seconds: Double, _ body: () -> Void) -> Double {
        body()
        let start = BenchmarkClock.now()
        var calls = 0
        repeat {
            body()
            calls += 1
        } while BenchmarkClock.now() - start < seconds
        return (BenchmarkClock.now() - start) / Double(calls)
    }
}

/// `mlptop bench --workload monitor`: trainer throughput with and without the monitor drawing.
enum MonitorBenchmark {
    static func run(threads: Int, seconds: Double) {
        let workload = Workload.all.first { $0.name == "medium" }!
        let data = workload.data()
        let empty = Dataset(name: "none", featureNames: data.featureNames, features: [], labels: [], classCount: 2)
        let info = MonitorRunInfo(datasetName: "circle", architecture: workload.network().architecture, optimizer: "sgd",
                                  seed: 7, rawTrainingSet: data, rawTestSet: empty, networkInput: { $0 })
        /// A trainer as the monitor makes it: recording each epoch's last step for the inspector.
        func trainer(recordsSteps: Bool = false) -> Trainer {
            let run = workload.makeRun(threads: threads)
            run.recordsLastStep = recordsSteps
            return Trainer(run: run, targetEpochs: 0, makeNetwork: { _ in workload.network() })
        }
        let headless = measure(trainer(), seconds: seconds) { _, deadline in
            while BenchmarkClock.now() < deadline { usleep(20_000) }
        }
        /// Draws the monitor at 30 fps off screen until the deadline, first pressing `keys`.
        func watch(_ keys: [Key]) -> (Trainer, Double) -> Int {
            { trainer, deadline in
                let terminal = OffscreenTerminal(width: 120, height: 40, waits: true)
                var pending = keys
                terminal.nextKey = {
                    if !pending.isEmpty { return pending.removeFirst() }
                    return BenchmarkClock.now() >= deadline ? .character("q") : nil
                }
                _ = MonitorLoop(run: info).run(trainer: trainer, terminal: terminal, pendingSignal: { nil })
                return terminal.framesDrawn
            }
        }
        var frames = 0, networkFrames = 0
        let monitored = measure(trainer(recordsSteps: true), seconds: seconds) { frames = watch([])($0, $1) }
        let networkView = measure(trainer(recordsSteps: true), seconds: seconds) { networkFrames = watch([.character("v")])($0, $1) }
        StandardStreams.output(String(format: "monitor: medium, %d thread(s), %.1f s each", threads, seconds))
        StandardStreams.output(String(format: "headless            %9.1f epochs/s", headless.rate))
        StandardStreams.output(String(format: "monitor at 30 fps   %9.1f epochs/s  (%d frames, %.1f fps)", monitored.rate,
                                      frames, Double(frames) / monitored.seconds))
        StandardStreams.output(String(format: "network view open   %9.1f epochs/s  (%d frames, %.1f fps)", networkView.rate,
                                      networkFrames, Double(networkFrames) / networkView.seconds))
        StandardStreams.output(String(format: "ratio               %9.3f (dashboard)  %.3f (network view)",
                                      monitored.rate / headless.rate, networkView.rate / headless.rate))
    }

    /// Epochs per second of `trainer` while `during` runs on this thread until the deadline it is
    /// given (`seconds` after a 0.5 s warm-up).
    static func measure(
        _ trainer: Trainer, seconds: Double, during: (Trainer, Double) -> Void
    ) -> (rate: Double, seconds: Double) {
        trainer.start()
        usleep(500_000)
        let startEpoch = trainer.state.epoch, start = BenchmarkClock.now()
        during(trainer, start + seconds)
        // (The monitor returns as soon as the deadline's `q` arrives.)
        let epochs = trainer.state.epoch - startEpoch, elapsed = BenchmarkClock.now() - start
        trainer.send(.stop)
        trainer.waitUntilStopped()
        return (Double(epochs) / elapsed, elapsed)
    }
}

/// Seconds on the monotonic clock.
enum BenchmarkClock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
