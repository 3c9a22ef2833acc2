import ArgumentParser
import Datasets
import Foundation
import Monitor
import TerminalUI
import Training

/// `mlptop show SNAPSHOT_DIR`: the monitor on a saved snapshot, paused; or its screen as text.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Open the monitor on a snapshot (paused: Space trains on from there), or print its screen.",
        discussion: "With --print (or when standard output is not a terminal) the dashboard is written to standard "
            + "output as text, for scripts and READMEs."
    )

    @Argument(help: ArgumentHelp("A snapshot folder written by mlptop.", valueName: "snapshot-dir"))
    var directory: String

    @OptionGroup var screen: ScreenOptions

    func run() throws {
        let prepared: PreparedRun
        let state: TrainerState
        let slice: InputSlice?
        do {
            (prepared, state) = try SnapshotReader.show(directory)
            slice = try SnapshotReader.slice(directory, of: prepared)
        } catch {
            throw ExitCode(ReportedFailure(message: error.description, exitStatus: error.exitStatus).report())
        }
        // Without a terminal there is nothing to open: print the screen, as --print does.
        if screen.print || isatty(STDOUT_FILENO) != 1 {
            let info = MonitorRunInfo(prepared: prepared)
            // The decision map on the columns that were on screen when the snapshot was taken.
            let dashboard = Dashboard(run: slice.map(info.sliced) ?? info,
                                      theme: Theme(colorMode: .none, glyphs: screen.ascii ? .ascii : .unicode))
            for line in dashboard.textLines(state: state, width: screen.width, height: screen.height) {
                StandardStreams.output(line)
            }
            return
        }
        var options = try TrainOptions.parse([])
        options.ascii = screen.ascii
        options.noColor = screen.noColor
        options.slice = slice.map { "\($0.horizontal + 1),\($0.vertical + 1)" }
        let status = MonitorSession(prepared: prepared, options: options, startPaused: true, initialState: state).run()
        if status != 0 { throw ExitCode(status) }
    }
}
