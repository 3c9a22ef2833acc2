import CursesBackend
import Dispatch
import Foundation
import MLPEngine
import Monitor
import TerminalUI
import Training

/// Runs a prepared training run without a terminal UI: a progress line about once a second, a
/// summary at the end, Ctrl-C or SIGTERM to stop early (the model is still saved).
struct HeadlessSession {
    let prepared: PreparedRun
    let options: TrainOptions
    /// History to carry on (a resumed run's state.json).
    var initialState: TrainerState?

    /// Trains to the end (or until a signal) and returns the process exit status.
    func run() -> Int32 {
        let prepared = self.prepared
        let runInfo = options.monitorRunInfo(for: prepared)
        let services: RunServices
        do {
            services = try RunServices(prepared: prepared, options: options, initialState: initialState, screen: { checkpoint in
                Dashboard(run: runInfo, theme: Theme(colorMode: .none, glyphs: .unicode))
                    .textLines(state: checkpoint.state, width: 120, height: 40)
            })
        } catch {
            return ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
        }
        let trainer = services.trainer
        let configuration = prepared.configuration
        let signals = TerminationSignals.install()
        defer { signals.uninstall() }
        StandardStreams.output("mlptop: \(prepared.network) on \(prepared.rawData.name) "
                               + "(\(prepared.trainingSet.count) train, \(prepared.testSet.count) test), "
                               + "\(configuration.optimizer.kind.rawValue) lr \(formatRate(configuration.optimizer.learningRate)), "
                               + "batch \(prepared.batch), \(configuration.threads) thread(s)")
        let started = DispatchTime.now().uptimeNanoseconds
        trainer.start()
        var lastPrinted = -1
        // The first progress line comes after a second of training, when the speed is known.
        var lastPrintTime = Double(started) / 1e9
        var signal: Int32?
        var seenMessages = 0
        var endedDiverged = false
        func printMessages(_ state: TrainerState) {
            for message in state.messages where message.id > seenMessages {
                StandardStreams.output("mlptop: \(message.text)")
                seenMessages = message.id
            }
        }
        while true {
            let state = trainer.state
            printMessages(state)
            if state.status == .done || state.status == .diverged {
                endedDiverged = state.status == .diverged
                break
            }
            if let received = signals.received {
                signal = received
                break
            }
            let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            if now - lastPrintTime >= 1, state.epoch != lastPrinted, let report = state.latest {
                StandardStreams.output(ProgressLine.text(report, epochsPerSecond: state.knownEpochsPerSecond,
                                                     regression: prepared.rawData.isRegression))
                lastPrinted = state.epoch
                lastPrintTime = now
                services.log?.flush()
            }
            _ = signals.wait(milliseconds: 50)
        }
        services.stop()
        let final = trainer.state
        printMessages(final)
        // Timed to when the trainer finished (nanoseconds), not to this loop's 50 ms polling.
        let ended = min(final.endedAt ?? .max, DispatchTime.now().uptimeNanoseconds)
        let seconds = Double(ended - started) / 1e9
        let ending = signal != nil ? "stopped" : endedDiverged ? "diverged" : "done"
        if let report = final.latest {
            StandardStreams.output(ProgressLine.summary(report, seconds: seconds, epochsTrained: final.epoch - prepared.startEpoch,
                                                        ending: ending, regression: prepared.rawData.isRegression))
        } else {
            // No epoch completed (stopped at once, or diverged on the first): still one summary line.
            StandardStreams.output("\(ending): 0 epochs in \(ProgressLine.duration(seconds)); epoch \(final.epoch)")
        }
        let status = services.writeResults()
        if let signal { return 128 + signal }
        if status != 0 { return status }
        return endedDiverged ? 70 : 0
    }
}

/// One line of headless progress, and the final summary.
enum ProgressLine {
    static func percent(_ x: Double?) -> String {
        x.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
    }

    static func loss(_ x: Double?) -> String {
        x.map { $0.isFinite ? String(format: "%.6g", $0) : NumberFormat.compact($0) } ?? "–"
    }

    /// `epoch 1200  train loss 0.3456 acc 91.2%  test loss 0.3567 acc 90.0%  lr 0.1  8234 epochs/s`
    /// The speed is `-` while unknown (nil).
    static func text(_ r: EpochReport, epochsPerSecond: Double?, regression: Bool = false) -> String {
        var line = "epoch \(r.epoch)" + metrics(r, regression: regression)
        line += "  lr \(formatRate(r.learningRate))  \(epochsPerSecond.map { String(format: "%.0f", $0) } ?? "-") epochs/s"
        return line
    }

    /// A duration in seconds with three significant digits under 10 s (`0.0123 s`, `0.00042 s`:
    /// a one-epoch run can take under a millisecond), to the tenth above.
    static func duration(_ seconds: Double) -> String {
        String(format: seconds < 10 ? "%.3g s" : "%.1f s", seconds)
    }

    /// `done: 100 epochs in 0.0213 s; epoch 100  train loss …`, starting `stopped` or `diverged` when so.
    static func summary(_ r: EpochReport, seconds: Double, epochsTrained: Int, ending: String,
                        regression: Bool = false) -> String {
        var line = ending
        line += ": \(epochsTrained) epochs in \(duration(seconds)); epoch \(r.epoch)"
        return line + metrics(r, regression: regression)
    }

    /// `  train loss 0.3456 acc 91.2%  test loss …`; a regression run's loss is its MSE and R²
    /// replaces the accuracy: `  train mse 0.0123 r2 0.981  test mse …`.
    static func metrics(_ r: EpochReport, regression: Bool) -> String {
        func quality(_ x: Double?) -> String { regression ? x.map { NumberFormat.score($0, decimals: 4) } ?? "–" : percent(x) }
        let (lossName, qualityName) = regression ? ("mse", "r2") : ("loss", "acc")
        var line = "  train \(lossName) \(loss(r.trainLoss)) \(qualityName) \(quality(r.trainAccuracy))"
        if r.testLoss != nil { line += "  test \(lossName) \(loss(r.testLoss)) \(qualityName) \(quality(r.testAccuracy))" }
        return line
    }
}
