import ArgumentParser

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
}
