import Datasets
import Foundation
import MLPEngine

/// One run of a comparison as its summary and snapshot describe it.
public struct ComparisonMember: Sendable {
    /// What it varies in (`lr=0.3`, `main`).
    public var name: String
    /// The settings that make it differ, key and value (empty for the run the others fork from).
    public var settings: [(key: String, value: String)]
    /// `done`, `diverged`, `stopped`, `paused`, `training`.
    public var status: String
    /// The last epoch trained.
    public var epoch: Int
    public var summary: RunSummary
    /// Seconds it trained (nil where not measured).
    public var seconds: Double?
    /// Why it diverged, if it did.
    public var divergence: String?
    /// The epoch it was forked at, when it went on from its parent's weights with its parent's
    /// history up to there (nil: a run of its own).
    public var forkEpoch: Int?

    public init(name: String, settings: [(key: String, value: String)], status: String, epoch: Int, summary: RunSummary,
                seconds: Double? = nil, divergence: String? = nil, forkEpoch: Int? = nil) {
        self.forkEpoch = forkEpoch
        self.name = name
        self.settings = settings
        self.status = status
        self.epoch = epoch
        self.summary = summary
        self.seconds = seconds
        self.divergence = divergence
    }

    /// `lr=0.3,optimizer=adam` read back as its settings (a name without `=`, such as `main`, has none).
    public static func settings(ofName name: String) -> [(key: String, value: String)] {
        name.split(separator: ",").compactMap { part in
            let pieces = part.split(separator: "=", maxSplits: 1)
            return pieces.count == 2 ? (String(pieces[0]), String(pieces[1])) : nil
        }
    }
}

/// The files every comparison writes beside its runs' folders: `summary.json` and the combined
/// `loss.svg`; and the folder names of its runs.
public enum ComparisonFiles {
    /// One folder name per run name: every character outside `A-Za-z0-9._,=+-` made `_` (a `/` in
    /// a path or a space would make another folder or trouble in a shell), at most 200
    /// characters, made unique with `~2`, `~3`… when two names come out the same.
    public static func folderNames(_ names: [String]) -> [String] {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._,=+-")
        var taken = Set<String>()
        return names.map { runName in
            let name = String(runName.map { allowed.contains($0) ? $0 : "_" }.prefix(200))
            var candidate = name.isEmpty ? "run" : name, suffix = 2
            while taken.contains(candidate) {
                candidate = name + "~\(suffix)"
                suffix += 1
            }
            taken.insert(candidate)
            return candidate
        }
    }

    /// `summary.json` (`mlptop.compare/v1`): what varied, and per run its name, folder, settings,
    /// ending, epochs, final and best losses, the target's epoch and its time.
    public static func summary(varied: [String], members: [ComparisonMember], folders: [String], targetLoss: Double?) -> JSONValue {
        let runs = zip(members, folders).map { member, folder -> JSONValue in
            var fields: [(key: String, value: JSONValue)] = [
                ("name", .string(member.name)),
                ("folder", .string(folder)),
                ("settings", .object(member.settings.map { ($0.key, JSONValue.string($0.value)) })),
                ("status", .string(member.status)),
                ("epochs", .number(member.epoch)),
            ]
            if let divergence = member.divergence { fields.append(("divergence", .string(divergence))) }
            fields += member.summary.jsonMembers
            fields.append(("seconds", member.seconds.map(JSONValue.measurement) ?? .null))
            return .object(fields)
        }
        return .object([
            ("format", .string("mlptop.compare/v1")),
            ("varied", .array(varied.map(JSONValue.string))),
            ("target_loss", targetLoss.map(JSONValue.measurement) ?? .null),
            ("runs", .array(runs)),
        ])
    }

    /// The combined `loss.svg`: every run's band and smoothed lines in its stable colour; a fork
    /// (`forkEpochs`, nil for a run of its own) drawn from its fork epoch on, as
    /// `LossPictureRun.forkEpoch` says.
    public static func lossPicture(names: [String], histories: [LossHistory], title: String, forkEpochs: [Int?] = []) -> String {
        SnapshotPictures.loss(runs: zip(names, histories).enumerated().map { index, pair in
            LossPictureRun(name: "\(index + 1) \(pair.0)", history: pair.1, index: index,
                           forkEpoch: forkEpochs.indices.contains(index) ? forkEpochs[index] : nil)
        }, learningRateChanges: [], title: title)
    }
}

/// Writes a snapshot of runs side by side: one snapshot folder per run (as `s` writes for a lone
/// run, named after what it varies), then the combined `loss.svg` and `summary.json`.
///
/// ```
/// snapshots/2026-11-25T10-15-02-compare-e000001200/
///   main/  lr=0.3/  optimizer=adam/     each a whole snapshot (model.json … run.json)
///   loss.svg       every run's loss, each in its colour
///   summary.json   what varied; per run its final and best losses
/// ```
/// Built in a hidden partial folder and renamed into place when whole, as a lone snapshot is.
public enum ComparisonSnapshotWriter {
    /// One run's part: what the lone snapshot needs, and its summary entry.
    public struct Run: Sendable {
        public var member: ComparisonMember
        public var prepared: PreparedRun
        public var checkpoint: TrainingCheckpoint
        /// The run's own screen for its screen.txt (nil: none).
        public var screen: [String]?
        /// The decision map's columns on screen (used when they are this run's data's columns).
        public var slice: InputSlice?

        public init(member: ComparisonMember, prepared: PreparedRun, checkpoint: TrainingCheckpoint, screen: [String]? = nil,
                    slice: InputSlice? = nil) {
            self.member = member
            self.prepared = prepared
            self.checkpoint = checkpoint
            self.screen = screen
            self.slice = slice
        }
    }

    /// Writes the comparison under `directory` and returns its folder's path.
    public static func write(_ runs: [Run], under directory: String, runStarted: Date) throws(FileError) -> String {
        try SnapshotWriter.makeDirectory(directory)
        let epoch = runs.map(\.checkpoint.epoch).max() ?? 0
        let name = SnapshotWriter.folderName(runStarted: runStarted, dataset: "compare", epoch: epoch)
        let partial = directory + "/.\(name).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try SnapshotWriter.makeDirectory(partial, exclusive: true)
        do {
            let folders = ComparisonFiles.folderNames(runs.map(\.member.name))
            for (run, folder) in zip(runs, folders) {
                try SnapshotWriter.makeDirectory(partial + "/" + folder, exclusive: true)
                for (file, text) in SnapshotWriter.files(run.checkpoint, run: run.prepared, screen: run.screen, slice: run.slice) {
                    try FileIO.writeAtomically(text, to: partial + "/" + folder + "/" + file)
                }
            }
            let varied = Array(Set(runs.flatMap { $0.member.settings.map(\.key) })).sorted()
            let picture = ComparisonFiles.lossPicture(names: runs.map(\.member.name), histories: runs.map(\.checkpoint.state.history),
                                                      title: "Loss of \(runs.count) runs side by side",
                                                      forkEpochs: runs.map(\.member.forkEpoch))
            try FileIO.writeAtomically(picture, to: partial + "/loss.svg")
            let summary = ComparisonFiles.summary(varied: varied, members: runs.map(\.member), folders: folders, targetLoss: nil)
            try FileIO.writeAtomically(summary.formatted() + "\n", to: partial + "/summary.json")
            return try SnapshotWriter.publish(partial, as: name, in: directory)
        } catch {
            SnapshotWriter.removeTree(partial)
            throw error
        }
    }
}
