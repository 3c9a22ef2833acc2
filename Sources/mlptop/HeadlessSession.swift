import Dispatch
import Foundation
import MLPEngine
import Synchronization
import Training

/// Runs a prepared training run without a terminal UI: a progress line about once a second, a
/// summary at the end, Ctrl-C or SIGTERM to stop early (the model is still saved).
struct HeadlessSession {
    let prepared: PreparedRun
    let options: TrainOptions

    /// Trains to the end (or until a signal) and returns the process exit status.
    func run() -> Int32 {
        let log: RunLog?
        do {
            log = try options.log.map { path throws(FileError) in try RunLog(path: path) }
        } catch {
            return ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
        }
        let configuration = prepared.configuration
        let trainingRun = prepared.makeTrainingRun()
        let prepared = self.prepared
        var observer: Trainer.EpochObserver?
        if let log { observer = { report in log.record(report) } }
        let snapshots = options.snapshotService(for: prepared, screen: { _ in nil })
        let trainer = Trainer(run: trainingRun, targetEpochs: configuration.epochs, snapshotEvery: options.snapshotEvery ?? 0,
                              makeNetwork: { seed in prepared.freshNetwork(seed: seed) }, observer: observer,
                              checkpointHandler: { snapshots.submit($0) })
        snapshots.setAnnouncer { [trainer] in trainer.announce($0) }
        let signals = SignalFlag.install()
        StandardStreams.output("mlptop: \(prepared.network) on \(prepared.rawData.name) "
                               + "(\(prepared.trainingSet.count) train, \(prepared.testSet.count) test), "
                               + "\(configuration.optimizer.kind.rawValue) lr \(formatRate(configuration.optimizer.learningRate)), "
                               + "batch \(prepared.batch), \(configuration.threads) thread(s)")
        let started = DispatchTime.now().uptimeNanoseconds
        trainer.start()
        var lastPrinted = -1
        var lastPrintTime = 0.0
        var signal: Int32?
        var seenMessages = 0
        while true {
            let state = trainer.state
            for message in state.messages where message.id > seenMessages {
                StandardStreams.output("mlptop: \(message.text)")
                seenMessages = message.id
            }
            if state.status == .done || state.status == .diverged { break }
            if let received = signals.received {
                signal = received
                break
            }
            let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
            if now - lastPrintTime >= 1, state.epoch != lastPrinted, let report = state.latest {
                StandardStreams.output(ProgressLine.text(report, epochsPerSecond: state.epochsPerSecond))
                lastPrinted = state.epoch
                lastPrintTime = now
                log?.flush()
            }
            _ = signals.wait(milliseconds: 50)
        }
        trainer.send(.stop)
        trainer.waitUntilStopped()
        snapshots.waitUntilIdle()
        log?.flush()
        for message in trainer.state.messages where message.id > seenMessages {
            StandardStreams.output("mlptop: \(message.text)")
        }
        let final = trainer.state
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if let report = final.latest {
            StandardStreams.output(ProgressLine.summary(report, seconds: seconds, epochsTrained: final.epoch - prepared.startEpoch,
                                                        stopped: signal != nil))
        }
        var status: Int32 = final.status == .diverged ? 70 : 0
        if options.snapshotOnExit {
            do {
                StandardStreams.output("mlptop: snapshot written to \(try snapshots.write(trainer.checkpoint()))/")
            } catch {
                status = ReportedFailure(message: "snapshot failed: \(error.description)", exitStatus: error.exitStatus).report()
            }
        }
        if let path = options.save {
            do {
                try FileIO.writeAtomically(prepared.modelFile(network: final.network, epoch: final.epoch).encoded(), to: path)
                StandardStreams.output("mlptop: saved the model of epoch \(final.epoch) to \(path)")
            } catch {
                status = ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
            }
        }
        if let failure = log?.failure {
            status = ReportedFailure(message: failure.description, exitStatus: failure.exitStatus).report()
        }
        if let signal { return 128 + signal }
        return status
    }
}

/// One line of headless progress, and the final summary.
enum ProgressLine {
    static func percent(_ x: Double?) -> String {
        x.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
    }

    static func loss(_ x: Double?) -> String {
        x.map { String(format: "%.6g", $0) } ?? "–"
    }

    /// `epoch 1200  train loss 0.3456 acc 91.2%  test loss 0.3567 acc 90.0%  lr 0.1  8234 epochs/s`
    static func text(_ r: EpochReport, epochsPerSecond: Double) -> String {
        var line = "epoch \(r.epoch)  train loss \(loss(r.trainLoss)) acc \(percent(r.trainAccuracy))"
        if r.testLoss != nil { line += "  test loss \(loss(r.testLoss)) acc \(percent(r.testAccuracy))" }
        line += "  lr \(formatRate(r.learningRate))  \(String(format: "%.0f", epochsPerSecond)) epochs/s"
        return line
    }

    static func summary(_ r: EpochReport, seconds: Double, epochsTrained: Int, stopped: Bool) -> String {
        var line = stopped ? "stopped" : "done"
        line += String(format: ": %d epochs in %.2f s; epoch %d", epochsTrained, seconds, r.epoch)
        line += "  train loss \(loss(r.trainLoss)) acc \(percent(r.trainAccuracy))"
        if r.testLoss != nil { line += "  test loss \(loss(r.testLoss)) acc \(percent(r.testAccuracy))" }
        return line
    }
}
