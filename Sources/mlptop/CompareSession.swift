import CursesBackend
import Dispatch
import Foundation
import MLPEngine
import Training

/// Trains a comparison's runs together in a `RunGroup` without a terminal UI: a progress line
/// about once a second, a table at the end, and with `--out-dir` one folder per run plus
/// `summary.json`. Ctrl-C or SIGTERM stops every run; the table and files are still written.
struct CompareSession {
    let grid: CompareGrid
    let prepared: [PreparedRun]
    let outDirectory: String?
    let targetLoss: Double?

    /// Trains to the end (or until a signal) and returns the process exit status.
    func run() throws(ReportedFailure) -> Int32 {
        let folders = try makeFolders()
        let logs = try folders.map { folder throws(ReportedFailure) -> RunLog? in
            guard let folder else { return nil }
            let regression = prepared.first?.rawData.isRegression ?? false
            do throws(FileError) { return try RunLog(path: folder + "/run.jsonl", regression: regression) } catch {
                throw ReportedFailure(message: error.description, exitStatus: error.exitStatus)
            }
        }
        let summaries = LockedValue(prepared.map { RunSummary(targetLoss: targetLoss, regression: $0.rawData.isRegression) })
        // Each run's bucketed loss history, for the loss.svg pictures (bounded like the monitor's).
        let histories = outDirectory == nil ? nil : LockedValue(prepared.map { _ in LossHistory() })
        let group = RunGroup { index, outcome in
            guard case .completed(let report) = outcome else { return }
            logs[index]?.record(report)
            summaries.withLock { $0[index].record(report) }
            histories?.withLock { $0[index].record(report) }
        }
        let signals = TerminationSignals.install()
        defer { signals.uninstall() }
        let totalEpochs = prepared.reduce(0) { $0 + $1.configuration.epochs - $1.startEpoch }
        StandardStreams.output("mlptop: \(prepared.count) runs (\(grid.title)) at once on \(group.share.width) core(s), "
                               + "\(totalEpochs) epochs in all")
        for note in prepared.flatMap(\.notes) { StandardStreams.output("mlptop: \(note)") }
        let started = DispatchTime.now().uptimeNanoseconds
        for run in prepared { group.add(run.makeTrainingRun(), targetEpochs: run.configuration.epochs) }
        var signal: Int32?
        var lastPrint = started
        while !group.waitUntilIdle(timeout: .now() + .milliseconds(50)) {
            if let received = signals.received {
                signal = received
                group.stop()
                group.waitUntilIdle()
                break
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if now - lastPrint >= 1_000_000_000 {
                lastPrint = now
                StandardStreams.output(progressLine(group.progress, seconds: Double(now - started) / 1e9))
            }
        }
        let progress = group.progress
        let results = zip(progress, summaries.withLock { $0 }).map { CompareResult(progress: $0, summary: $1) }
        for line in CompareTable(grid: grid, results: results, showsTarget: targetLoss != nil,
                                 regression: prepared.first?.rawData.isRegression ?? false).lines {
            StandardStreams.output(line)
        }
        var status: Int32 = 0
        if let outDirectory {
            status = writeResults(group: group, results: results, folders: folders.compactMap { $0 }, logs: logs,
                                  histories: histories?.withLock { $0 } ?? [], outDirectory: outDirectory)
        }
        if let signal { return 128 + signal }
        return status
    }

    /// `  3.0 s  epochs 2400/8000, 1 of 4 runs finished`
    private func progressLine(_ progress: [RunGroup.Progress], seconds: Double) -> String {
        let done = progress.filter { $0.status != .training && $0.status != .paused }.count
        let epochs = zip(progress, prepared).reduce(0) { $0 + $1.0.epoch - $1.1.startEpoch }
        let total = prepared.reduce(0) { $0 + $1.configuration.epochs - $1.startEpoch }
        return String(format: "%5.1f s  epochs %d/%d, %d of %d runs finished", seconds, epochs, total, done, progress.count)
    }

    /// Creates `--out-dir` and a folder per run (nil entries without `--out-dir`); a status-73
    /// error names the folder that cannot be made.
    private func makeFolders() throws(ReportedFailure) -> [String?] {
        guard let outDirectory else { return prepared.map { _ in nil } }
        let folders = grid.folderNames.map { outDirectory + "/" + $0 }
        for folder in folders {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try FileIO.checkCreatable(folder + "/model.json")
            } catch let error as FileError {
                throw ReportedFailure(message: error.description, exitStatus: error.exitStatus)
            } catch {
                throw ReportedFailure(message: "\(folder): cannot create the folder: \(error.localizedDescription)",
                                      exitStatus: 73)
            }
        }
        return folders
    }

    /// Writes each run's model.json (as `train --save` writes it) and `summary.json`, atomically,
    /// and flushes the logs; returns the exit status their failures call for.
    private func writeResults(group: RunGroup, results: [CompareResult], folders: [String], logs: [RunLog?],
                              histories: [LossHistory], outDirectory: String) -> Int32 {
        var status: Int32 = 0
        for (index, folder) in folders.enumerated() {
            let (network, epoch, settings) = group.withRun(index) { ($0.network, $0.epoch, $0.optimizer.settings) }
            var model = prepared[index].modelFile(network: network, epoch: epoch)
            model.setMetadata("optimizer", settings.json)
            do {
                try FileIO.writeAtomically(model.encoded(), to: folder + "/model.json")
                let title = SnapshotPictures.title("Loss", run: prepared[index], network: network, epoch: epoch)
                try FileIO.writeAtomically(SnapshotPictures.loss(history: histories[index], learningRateChanges: [], title: title),
                                           to: folder + "/loss.svg")
            } catch {
                status = ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
            }
            logs[index]?.flush()
            if let failure = logs[index]?.failure {
                status = ReportedFailure(message: failure.description, exitStatus: failure.exitStatus).report()
            }
        }
        let summary = CompareSummaryFile(grid: grid, results: results, folders: grid.folderNames, targetLoss: targetLoss)
        do {
            try FileIO.writeAtomically(ComparisonFiles.lossPicture(names: grid.runs.map(\.name), histories: histories,
                                                                   title: "Loss: \(grid.title), \(grid.runs.count) runs"),
                                       to: outDirectory + "/loss.svg")
            try FileIO.writeAtomically(summary.json.formatted() + "\n", to: outDirectory + "/summary.json")
        } catch {
            status = ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
        }
        if status == 0 {
            StandardStreams.output("mlptop: wrote model.json, run.jsonl and loss.svg for \(folders.count) runs in \(outDirectory)/, "
                                   + "and \(outDirectory)/loss.svg and summary.json")
        }
        return status
    }
}

/// One run's outcome, as the table and the summary file show it.
struct CompareResult {
    var progress: RunGroup.Progress
    var summary: RunSummary

    /// `done`, `diverged`, `stopped`.
    var status: String {
        switch progress.status {
        case .done: "done"
        case .diverged: "diverged"
        case .stopped, .paused, .training: "stopped"
        }
    }
}
