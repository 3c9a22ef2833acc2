import CursesBackend
import Dispatch
import Foundation
import Glibc
import Monitor
import TerminalUI
import Training
import Watch

/// `mlptop watch` on a terminal: the monitor loop drawing a `WatchSource`, `s` writing a snapshot
/// of what is known, `q` or a signal to stop (the writer goes on). Main thread only.
struct WatchSession {
    let source: WatchSource
    let snapshotDirectory: String
    let ascii: Bool
    let noColor: Bool
    let started = Date()

    var runInfo: MonitorRunInfo { .watched(source: source.state.watched?.source ?? "log") }

    /// The screen as text, as `--print` and snapshots write it.
    func textLines(width: Int, height: Int) -> [String] {
        let dashboard = Dashboard(run: runInfo, theme: Theme(colorMode: .none, glyphs: ascii ? .ascii : .unicode))
        let state = source.state
        var buffer = CellBuffer(width: width, height: height)
        var view = MonitorViewState(layerCount: max(1, state.network.shapes.count), seed: 0, sizes: state.network.sizes,
                                    sampleCount: 0)
        view.absorb(state, now: 0)
        view.message = nil
        WatchDashboard(dashboard: dashboard).render(MonitorFrame(state: state, view: view, now: 0), into: &buffer)
        return buffer.lines
    }

    /// Runs until `q` or a signal; returns the exit status (0 after `q`, 128 + signal).
    func run() -> Int32 {
        let signals = TerminationSignals.install()
        defer { signals.uninstall() }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(preferASCII: ascii, noColor: noColor,
                                               keysFromTerminal: source.options.path == "-")
        } catch {
            signals.uninstall()
            return ReportedFailure(message: "watch: \(error) (--print writes the screen as text)", exitStatus: 69).report()
        }
        let screen = ScreenRecorder(terminal)
        let directory = snapshotDirectory, started = started, watched = source
        source.onSnapshot { [screen] in
            let state = watched.state
            let lines = screen.lines ?? []
            DispatchQueue.global(qos: .utility).async {
                do {
                    let path = try SnapshotWriter.writeWatched(state, screen: lines, under: directory, started: started)
                    watched.announce("snapshot written to \(path)")
                } catch let error as FileError {
                    watched.announce("snapshot failed: \(error.description)")
                } catch {
                    watched.announce("snapshot failed: \(error)")
                }
            }
        }
        let loop = MonitorLoop(run: runInfo, keyMap: .watch)
        let ending = loop.run(trainer: source, terminal: screen,
                              pendingSignal: { signals.received ?? (terminal.isHungUp ? SIGHUP : nil) })
        terminal.close()
        signals.uninstall()
        source.stop()
        if case .signal(let number) = ending { return 128 + number }
        return 0
    }
}
