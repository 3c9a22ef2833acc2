import Benchmarks
import Datasets
import Foundation
import Monitor
import TerminalUI
import Training

/// `mlptop bench --workload monitor`: what the monitor costs the trainer, as a ratio to headless
/// training that one can trust on a shared machine.
///
/// Each way of watching (headless, the dashboard, the network view) is timed in `rounds` short
/// repetitions, interleaved and in a rotated order each round (ABC, BCA, CAB, …), so load that
/// comes and goes on the machine falls on every way alike. The ratio is taken within each round
/// (way ÷ headless of the same round) and reported as the median with its minimum and maximum.
enum MonitorBenchmark {
    static let rounds = 5

    /// One way of watching the trainer while it trains.
    struct Way {
        var name: String
        /// Keys pressed as the monitor starts; nil: headless (no monitor at all).
        var keys: [Key]?
    }

    static let ways = [
        Way(name: "headless", keys: nil),
        Way(name: "dashboard at 30 fps", keys: []),
        Way(name: "network view open", keys: [.character("v")]),
    ]

    static func run(threads: Int, seconds: Double) {
        let workload = Workload.all.first { $0.name == "medium" }!
        let data = workload.data()
        let empty = Dataset(name: "none", featureNames: data.featureNames, features: [], labels: [], classCount: 2)
        let info = MonitorRunInfo(datasetName: "circle", architecture: workload.network().architecture, optimizer: "sgd",
                                  seed: 7, rawTrainingSet: data, rawTestSet: empty, networkInput: { $0 })
        let repetition = max(0.2, seconds / Double(rounds))
        var rates = [[Double]](repeating: [], count: ways.count)
        var frameRates = [[Double]](repeating: [], count: ways.count)
        for round in 0..<rounds {
            for offset in 0..<ways.count {
                let index = (round + offset) % ways.count
                let result = measure(ways[index], workload: workload, info: info, threads: threads, seconds: repetition)
                rates[index].append(result.rate)
                frameRates[index].append(result.framesPerSecond)
            }
        }
        StandardStreams.output(BLASKernels.current().summary)
        StandardStreams.output(String(format: "monitor: medium, %d thread(s), %d interleaved rounds of %.1f s per way",
                                      threads, rounds, repetition))
        StandardStreams.output("way                      epochs/s (median, min–max)     fps   ratio to headless (median, min–max)")
        for (index, way) in ways.enumerated() {
            let spread = Spread(rates[index])
            var line = way.name.padding(toLength: 22, withPad: " ", startingAt: 0)
                + String(format: "%11.1f  %9.1f–%-9.1f", spread.median, spread.minimum, spread.maximum)
            line += way.keys == nil ? "      –" : String(format: "%8.1f", Spread(frameRates[index]).median)
            if index > 0 {
                let ratios = Spread(zip(rates[index], rates[0]).map { $0 / $1 })
                line += String(format: "   %.3f (%.3f–%.3f)", ratios.median, ratios.minimum, ratios.maximum)
            }
            StandardStreams.output(line)
        }
    }

    /// Trains a fresh medium run for `seconds` after a 0.2 s warm-up while `way` watches it:
    /// epochs per second, and frames per second drawn.
    static func measure(
        _ way: Way, workload: Workload, info: MonitorRunInfo, threads: Int, seconds: Double
    ) -> (rate: Double, framesPerSecond: Double) {
        let run = workload.makeRun(threads: threads)
        // As the monitor makes its trainer: recording each epoch's last step for the inspector.
        run.recordsLastStep = way.keys != nil
        let trainer = Trainer(run: run, targetEpochs: 0, makeNetwork: { _ in workload.network() })
        trainer.start()
        usleep(200_000)
        let startEpoch = trainer.state.epoch, start = BenchmarkClock.now(), deadline = start + seconds
        var frames = 0
        if let keys = way.keys {
            let terminal = OffscreenTerminal(width: 120, height: 40, waits: true)
            var pending = keys
            terminal.nextKey = {
                if !pending.isEmpty { return pending.removeFirst() }
                return BenchmarkClock.now() >= deadline ? .character("q") : nil
            }
            // The monitor returns as soon as the deadline's `q` arrives.
            _ = MonitorLoop(run: info).run(trainer: trainer, terminal: terminal, pendingSignal: { nil })
            frames = terminal.framesDrawn
        } else {
            while BenchmarkClock.now() < deadline { usleep(10_000) }
        }
        let epochs = trainer.state.epoch - startEpoch, elapsed = BenchmarkClock.now() - start
        trainer.send(.stop)
        trainer.waitUntilStopped()
        return (Double(epochs) / elapsed, Double(frames) / elapsed)
    }
}

/// The median, minimum and maximum of some repeated measurements (not empty).
struct Spread {
    var median: Double
    var minimum: Double
    var maximum: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
    }
}
