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
              monitor    medium trained headless, with the dashboard and with the
                         network view drawing at 30 fps off screen, in 5
                         interleaved rounds of --seconds/5 each: epochs/s and
                         the ratio to headless, median and spread (not in "all")
              group      6 runs of medium at once in a RunGroup (as compare
                         trains them) and as 6 Trainers sharing the cores
                         (as the monitor trains them), against the same 6
                         one after another and against plain threads:
                         epochs/s and the ratio (not part of "all")
            GFLOP/s counts 6 × weights × samples per epoch (2 forward, 4 backward);
            peak counts 2n³. Measure a release build (scripts/mlptop bench builds
            one). The first line names the OpenBLAS kernel set that ran ("blas_core"
            in --json) and notes when OPENBLAS_CORETYPE or OPENBLAS_L2_SIZE forced it
            (unset both to measure what users get), and whether layers up to 64
            wide ran in mlptop's own AVX2+FMA tiles ("tiled_products").
            """
    )

    @Option(help: "small, medium, large, minibatch, peak, all (the four workloads and peak), render, monitor or group.")
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
        if !json {
            StandardStreams.output(BLASKernels.current().summary)
            StandardStreams.output(Self.tableHeader)
        }
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

/// Seconds on the monotonic clock.
enum BenchmarkClock {
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
}
