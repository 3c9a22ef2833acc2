import ArgumentParser
import Foundation
import Monitor
import TerminalUI
import Training
import Watch

extension WatchFormat: ExpressibleByArgument {}

/// `mlptop watch SOURCE`: the live monitor on a training log another program writes.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Follow a training log in the live monitor: a JSONL log (mlptop's --log protocol, or python/mlptop_log.py), "
            + "a Lightning metrics.csv, or TensorBoard event files.",
        discussion: "SOURCE is followed as it grows, like tail -F (truncation and a replaced file are read from the start); "
            + "'-' reads standard input (ssh gpu-box tail -F run.jsonl | mlptop watch -). For a JSONL file, Space, + - ] [ "
            + "and s reach the writer through RUN.jsonl.control (see python/mlptop_log.py); one watcher steers at a time."
    )

    @Argument(help: ArgumentHelp("The log to follow: FILE.jsonl, metrics.csv, a TensorBoard event file or log "
                                 + "directory, or - for standard input.", valueName: "source"))
    var source: String

    @Option(help: ArgumentHelp("The source's format (jsonl, csv, tensorboard); by default from its name: a directory "
                               + "or *tfevents* is TensorBoard's, *.csv a metrics CSV, anything else JSONL."))
    var format: WatchFormat?

    @Flag(help: "Wait for a source that does not exist yet (without it, status 66).")
    var wait = false

    @Flag(name: .customLong("read-only"), help: "Only watch: do not take the control file.")
    var readOnly = false

    @Option(name: .customLong("snapshot-dir"), help: "Where s writes snapshots.")
    var snapshotDirectory = "snapshots"

    @OptionGroup var screen: ScreenOptions

    func run() throws {
        var isDirectory: ObjCBool = false
        let exists = source == "-" || FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory)
        if !exists, !wait {
            throw ExitCode(ReportedFailure(message: "watch: \(source): no such file or directory (--wait waits for it)",
                                           exitStatus: 66).report())
        }
        if exists, source != "-", !FileManager.default.isReadableFile(atPath: source) {
            throw ExitCode(ReportedFailure(message: "watch: \(source): cannot read: permission denied", exitStatus: 66).report())
        }
        let kind = format ?? WatchFormat.guess(path: source, isDirectory: isDirectory.boolValue)
        if isDirectory.boolValue, kind != .tensorboard {
            throw ExitCode(ReportedFailure(message: "watch: \(source): is a directory (only a TensorBoard log directory "
                                           + "can be watched as one)", exitStatus: 66).report())
        }
        if isDirectory.boolValue, !wait, !Self.holdsEventFiles(source) {
            throw ExitCode(ReportedFailure(message: "watch: \(source): no TensorBoard event files (*tfevents*) in it or its "
                                           + "folders (--wait waits for them)", exitStatus: 66).report())
        }
        let watched = WatchSource(.init(path: source, format: kind, steer: !readOnly && !screen.print))
        defer { watched.stop() }
        let session = WatchSession(source: watched, snapshotDirectory: snapshotDirectory, ascii: screen.ascii,
                                   noColor: screen.noColor || UIDemoCommand.noColorRequested())
        if screen.print || isatty(STDOUT_FILENO) != 1 {
            if source == "-" {
                while watched.state.watched?.ended != true { Thread.sleep(forTimeInterval: 0.02) }
            } else {
                watched.waitUntilCaughtUp(timeout: 30)
                // A log nothing has added to for a while is not shown RUNNING.
                watched.noteQuietIfUnchanged()
            }
            try refuseUnreadable(watched)
            for line in session.textLines(width: screen.width, height: screen.height) { StandardStreams.output(line) }
            // What the message row would have said (a bad line with its file:line, a restart …).
            for message in watched.state.messages { StandardStreams.error("mlptop: watch: \(message.text)") }
            return
        }
        // A file that is not a metrics log at all is refused before the screen opens (a log that
        // merely has bad lines is followed); a long backlog is not waited for.
        if source != "-" {
            watched.waitUntilCaughtUp(timeout: 1)
            try refuseUnreadable(watched)
        }
        let status = session.run()
        if status != 0 { throw ExitCode(status) }
    }

    /// Status 65 with one line naming the file, line and reason when nothing in the source could be read.
    private func refuseUnreadable(_ watched: WatchSource) throws {
        guard let reason = watched.state.watched?.unreadableReason else { return }
        throw ExitCode(ReportedFailure(message: "watch: \(reason)", exitStatus: 65).report())
    }

    /// Whether a TensorBoard log directory holds an event file, in it or one folder down (where
    /// the reader looks: a run's folder, or a log directory of run folders).
    static func holdsEventFiles(_ directory: String) -> Bool {
        let manager = FileManager.default
        let top = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
        return top.contains { entry in
            entry.contains("tfevents")
                || ((try? manager.contentsOfDirectory(atPath: directory + "/" + entry)) ?? []).contains { $0.contains("tfevents") }
        }
    }
}
