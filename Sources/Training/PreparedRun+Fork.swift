import MLPEngine

extension PreparedRun {
    /// A sibling of the run at `checkpoint` trained with `configuration` (this run's, with a change
    /// that keeps the network's shape and the data): the checkpoint's weights, epoch and shuffle
    /// stream; its optimiser state when the kind of optimiser stays (the new settings in force),
    /// else a fresh optimiser. A sibling whose configuration equals this run's trains bit for bit
    /// as the run itself goes on.
    public func fork(from checkpoint: TrainingCheckpoint, with configuration: RunConfiguration) -> TrainingRun {
        let old = checkpoint.optimizer
        let optimizer = configuration.optimizer.kind == old.settings.kind
            ? Optimizer(settings: configuration.optimizer, step: old.step, firstMoment: old.firstMoment, secondMoment: old.secondMoment)
            : Optimizer(settings: configuration.optimizer, parameterCount: checkpoint.network.parameters.count)
        return TrainingRun(network: checkpoint.network, optimizer: optimizer, trainingSet: trainingSet, testSet: testSet,
                           batchSize: configuration.batch ?? batch, threads: configuration.threads, epoch: checkpoint.epoch,
                           generator: checkpoint.generator)
    }
}
