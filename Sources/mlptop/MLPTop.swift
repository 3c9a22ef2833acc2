import ArgumentParser
import Glibc

/// The `mlptop` command: train a multilayer perceptron and watch it learn.
@main
struct MLPTop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlptop",
        abstract: "Train a small neural network from scratch and watch it learn, live in the terminal.",
        version: "mlptop \(version)",
        subcommands: [TrainCommand.self, CompareCommand.self, ShowCommand.self, InspectCommand.self, EvalCommand.self, DatasetCommand.self, BenchCommand.self,
                      GradsCommand.self, WatchCommand.self, UIDemoCommand.self],
        defaultSubcommand: TrainCommand.self
    )

    /// Ignores SIGPIPE (a closed output pipe must not kill a run before it saves), then runs. A
    /// command that succeeded but could not write its standard output ends with status 74. Every
    /// error is one line on stderr; a misspelt command gets the nearest one suggested.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        StandardStreams.guardClosedDescriptors()
        var status: Int32 = 0
        do {
            if let unknown = unknownCommand(in: Array(CommandLine.arguments.dropFirst())) { throw ExitCode(unknown.report()) }
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            status = code.rawValue
        } catch {
            status = report(error)
        }
        if status == 0, let failure = StandardStreams.outputFailureStatus() { status = failure }
        Glibc.exit(status)
    }
}
