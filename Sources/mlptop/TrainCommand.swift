import ArgumentParser
import Foundation
import Training

/// `mlptop train`: train a network, live in the monitor or headless.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a network and watch it learn (the live monitor), or headless with progress lines.",
        discussion: """
            With a terminal, training shows in the live monitor; without one (or with --headless) \
            it prints a progress line about once a second and a summary at the end. Ctrl-C stops \
            cleanly and still writes what --save asks for.
            """
    )

    @OptionGroup var options: TrainOptions

    func run() throws {
        let prepared: PreparedRun
        let history: TrainerState?
        do {
            (prepared, history) = try options.prepareRun()
        } catch {
            throw ExitCode(ReportedFailure(message: error.description, exitStatus: error.exitStatus).report())
        }
        let monitored = !options.headless && isatty(STDOUT_FILENO) == 1
        let status = monitored
            ? MonitorSession(prepared: prepared, options: options, initialState: history).run()
            : HeadlessSession(prepared: prepared, options: options, initialState: history).run()
        if status != 0 { throw ExitCode(status) }
    }
}
