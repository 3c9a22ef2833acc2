import Datasets
import MLPEngine

extension TrainingRun {
    /// Takes changed settings and data between epochs, keeping the weights, epoch and shuffle
    /// stream: the optimiser's state stays while its kind does (with `settings` in force), a new
    /// kind starts fresh; the batch size and the training and test sets (same inputs) are replaced.
    func adopt(settings: OptimizerSettings, batchSize: BatchSize, trainingSet: Dataset, testSet: Dataset) {
        precondition(trainingSet.count > 0 && trainingSet.featureCount == network.inputCount, "data of another shape")
        if settings.kind == optimizer.settings.kind {
            optimizer = Optimizer(settings: settings, step: optimizer.step, firstMoment: optimizer.firstMoment,
                                  secondMoment: optimizer.secondMoment)
        } else {
            optimizer = Optimizer(settings: settings, parameterCount: network.parameters.count)
        }
        self.batchSize = batchSize
        self.trainingSet = trainingSet
        self.testSet = testSet
        order = Array(0..<trainingSet.count)
    }
}
