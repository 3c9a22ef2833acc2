import ArgumentParser
import Glibc

/// The `mlptop` command: train a multilayer perceptron and watch it learn.
@main
struct MLPTop: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mlptop",
        abstract: "Train a small neural network from scratch and watch it learn, live in the terminal.",
        subcommands: [TrainCommand.self, ShowCommand.self, DatasetCommand.self, BenchCommand.self, GradsCommand.self,
                      UIDemoCommand.self],
        defaultSubcommand: TrainCommand.self
    )

    /// Ignores SIGPIPE (a closed output pipe must not kill a run before it saves), then runs.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
    }
}
