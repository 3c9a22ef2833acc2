import Foundation
import MLPEngine

extension SnapshotWriter {
    /// Writes a snapshot of a watched log (`s` in `mlptop watch`) under `directory`: what is known
    /// of a run mlptop did not train. Returns the folder's path; complete or not there at all.
    ///
    /// ```
    /// 2026-11-30T10-15-02-run-e000001200/
    ///   metrics.csv   one row per recorded epoch (or step): the log's own epochs and values
    ///   loss.svg      the loss curves, each segment on its own, restarts marked, the log's epochs
    ///   weights.svg   the last logged weights (when some were logged)
    ///   screen.txt    the monitor's screen as text
    ///   watch.json    the source, its format, the latest extra values, restarts and skipped lines
    /// ```
    public static func writeWatched(
        _ state: TrainerState, screen: [String], under directory: String, started: Date
    ) throws(FileError) -> String {
        guard let facts = state.watched else {
            throw FileError(path: directory, reason: "not a watched run", exitStatus: 70)
        }
        try makeDirectory(directory)
        // Named by the epoch the log itself is at (after a restart the chart's axis counts on).
        let name = folderName(runStarted: started, dataset: facts.source, epoch: facts.loggedEpoch ?? state.epoch)
        let partial = directory + "/.\(name).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try makeDirectory(partial, exclusive: true)
        do {
            var files: [(String, String)] = [
                ("metrics.csv", watchedMetricsCSV(state.metrics, facts: facts)),
                ("loss.svg", SnapshotPictures.loss(history: state.history, learningRateChanges: state.learningRateChanges,
                                                   title: watchedTitle(state, facts: facts), restarts: facts.restarts,
                                                   restartOffsets: facts.restartOffsets, axisName: facts.axis)),
            ]
            if let epoch = facts.weightsEpoch {
                files.append(("weights.svg", SnapshotPictures.weights(network: state.network,
                                                                      title: "\(facts.source), epoch \(epoch)")))
            }
            files.append(("screen.txt", screen.joined(separator: "\n") + "\n"))
            files.append(("watch.json", watchJSON(state, facts: facts).formatted() + "\n"))
            for (file, text) in files { try FileIO.writeAtomically(text, to: partial + "/" + file) }
            return try publish(partial, as: name, in: directory)
        } catch {
            removeTree(partial)
            throw error
        }
    }

    static func watchJSON(_ state: TrainerState, facts: WatchedFacts) -> JSONValue {
        .object([
            ("format", .string("mlptop.watch/v1")), ("source", .string(facts.source)),
            ("source_format", .string(facts.format)), ("axis", .string(facts.axis)),
            ("epoch", .number(facts.loggedEpoch ?? state.epoch)), ("chart_epoch", .number(state.epoch)),
            ("step", facts.step.map { .number($0) } ?? .null),
            ("logged", .array(facts.loggedInLog.sorted().map { .string($0) })),
            ("extras", .object(facts.extras.map { ($0.name, JSONValue.measurement($0.latest)) })),
            ("restarts", .array(facts.restarts.map { .number($0) })), ("skipped", .number(facts.skipped)),
        ])
    }
}
