import Benchmarks
import Dispatch
import Foundation
import Training

/// `mlptop bench --workload group`: six runs of the medium workload trained at once (in a
/// `RunGroup`, and as the monitor trains them: six `Trainer`s sharing a `CoreShare`) against the
/// same six one after another, in total epochs per second.
///
/// Every way is timed `rounds` times, the rounds interleaved, and the fastest round counts: on a
/// shared machine the other load comes and goes, and the best round is the one least disturbed.
enum GroupBenchmark {
    static let runs = 6
    static let rounds = 3

    /// One way of training the six runs.
    struct Way {
        var name: String
        var train: () -> [Double]?
    }

    static func run(seconds: Double) {
        let workload = Workload.all.first { $0.name == "medium" }!
        let cores = RunGroup.defaultWidth
        // A fixed number of epochs per run: about `seconds` for the six one after another on one thread.
        let probe = BenchmarkRunner.measure(workload, threads: 1, seconds: min(0.5, seconds / 4))
        let epochs = max(20, Int(probe.epochsPerSecond * seconds / Double(runs)))
        func oneAfterAnother(threads: Int) -> Way {
            Way(name: "one after another, \(threads) thread(s)") {
                for _ in 0..<runs {
                    let run = workload.makeRun(threads: threads)
                    for _ in 0..<epochs { _ = run.runEpoch() }
                }
                return nil
            }
        }
        var ways = Set([1, min(8, cores)]).sorted().map(oneAfterAnother)
        let sequentialWays = ways.count
        // The machine's own parallel speed, without any sharing: one plain thread per core, each
        // training its share of the runs one after another.
        ways.append(Way(name: "\(cores) plain threads, no sharing") {
            DispatchQueue.concurrentPerform(iterations: cores) { core in
                for _ in stride(from: core, to: runs, by: cores) {
                    let run = workload.makeRun(threads: 1)
                    for _ in 0..<epochs { _ = run.runEpoch() }
                }
            }
            return nil
        })
        // Turns of 5 ms (the default), and of one epoch: what sharing costs a loop that takes a
        // slot per epoch (a `Trainer` given a `CoreShare`).
        for (name, scheduling, quantum) in [("round robin", RunGroup.Scheduling.roundRobin, 0.005),
                                            ("queue per run", .queuePerRun, 0.005),
                                            ("round robin, epoch turns", .roundRobin, 0),
                                            ("queue per run, epoch turns", .queuePerRun, 0)] {
            ways.append(Way(name: "at once: \(name)") {
                let group = RunGroup(width: cores, scheduling: scheduling, quantum: quantum)
                for _ in 0..<runs { group.add(workload.makeRun(threads: 1), targetEpochs: epochs) }
                group.waitUntilIdle()
                return group.progress.map(\.seconds)
            })
        }
        // The monitor's way: a `Trainer` per run, each on a lease of one shared `CoreShare`.
        ways.append(Way(name: "at once: \(runs) Trainers, CoreShare") {
            trainTogether(workload: workload, runs: runs, epochs: epochs, cores: cores)
        })
        var best = [Double](repeating: .infinity, count: ways.count)
        var ends = [[Double]?](repeating: nil, count: ways.count)
        for _ in 0..<rounds {
            for (index, way) in ways.enumerated() {
                let start = BenchmarkClock.now()
                let runEnds = way.train()
                let elapsed = BenchmarkClock.now() - start
                if elapsed < best[index] { (best[index], ends[index]) = (elapsed, runEnds) }
            }
        }
        let total = Double(epochs * runs)
        let fastestSequential = best[..<sequentialWays].min()!
        StandardStreams.output("group: \(runs) runs of medium, \(epochs) epochs each, on \(cores) core(s); at once: "
                               + "1 thread each, turns of 5 ms unless noted; the best of \(rounds) interleaved rounds")
        StandardStreams.output("how                                     epochs/s    seconds   ratio   runs ended (s)")
        for (index, way) in ways.enumerated() {
            var line = way.name.padding(toLength: 36, withPad: " ", startingAt: 0)
                + String(format: "%12.1f %10.2f", total / best[index], best[index])
            // ratio: epochs/s over the faster one after another (target for the group ≥ 0.9).
            if index >= sequentialWays { line += String(format: " %7.3f", fastestSequential / best[index]) }
            if let runEnds = ends[index], let first = runEnds.min(), let last = runEnds.max() {
                line += String(format: "   %.2f–%.2f", first, last)
            }
            StandardStreams.output(line)
        }
    }

    /// `runs` trainers of `workload` sharing `cores` through one `CoreShare`, each trained to
    /// `epochs` at full speed; returns when the last is done, with each run's seconds.
    static func trainTogether(workload: Workload, runs: Int, epochs: Int, cores: Int) -> [Double] {
        let share = CoreShare(width: cores)
        let finished = DispatchGroup()
        let start = BenchmarkClock.now()
        let ends = LockedValue([Double](repeating: 0, count: runs))
        let trainers = (0..<runs).map { index in
            let run = workload.makeRun(threads: 1)
            let network = run.network
            finished.enter()
            return Trainer(run: run, targetEpochs: epochs, coreShare: share, makeNetwork: { _ in network },
                           observer: { report in
                guard report.epoch == epochs else { return }
                let now = BenchmarkClock.now()
                ends.withLock { $0[index] = now - start }
                finished.leave()
            })
        }
        for trainer in trainers { trainer.start() }
        finished.wait()
        for trainer in trainers { trainer.send(.stop) }
        for trainer in trainers { trainer.waitUntilStopped() }
        return ends.withLock { $0 }
    }
}
