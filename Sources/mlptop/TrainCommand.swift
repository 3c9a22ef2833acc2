import ArgumentParser
import Foundation
import Monitor
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
        let options: TrainOptions, given: [String], lesson: Lesson
        do {
            (options, given, lesson) = try self.options.applyingConfig(arguments: TrainOptions.commandLineArguments)
        } catch {
            throw ExitCode(error.report())
        }
        if options.printConfig {
            StandardStreams.output(try options.lessonJSON(given: given, lesson: lesson).formatted())
            return
        }
        let prepared: PreparedRun
        let history: TrainerState?
        do {
            (prepared, history) = try options.prepareRun(given: given)
        } catch {
            throw ExitCode(ReportedFailure(message: error.description, exitStatus: error.exitStatus).report())
        }
        let monitored = !options.headless && isatty(STDOUT_FILENO) == 1
        let status = monitored
            ? MonitorSession(prepared: prepared, options: options, startPaused: options.paused, initialState: history,
                             lesson: lesson).run()
            : HeadlessSession(prepared: prepared, options: options, initialState: history).run()
        if status != 0 { throw ExitCode(status) }
    }
}
