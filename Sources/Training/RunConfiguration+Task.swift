import Datasets
import MLPEngine

extension RunConfiguration {
    /// Checks that the data is what `--task` asked for (a built-in generator's task is fixed; a
    /// CSV was read with the flag): status 64 naming both otherwise.
    func checkTask(of raw: Dataset) throws(RunSetupError) {
        guard let task, task != raw.task else { return }
        throw RunSetupError("--task \(task.rawValue): \(dataset) is a \(raw.task.rawValue) data set", exitStatus: 64)
    }

    /// A regression network: the hidden layers, then one linear output unit, trained on squared
    /// error (`--loss mse` means the same here; bce and softmax-ce need classes).
    func regressionShape(inputs: Int) throws(RunSetupError) -> (sizes: [Int], activations: [Activation], loss: Loss) {
        switch loss {
        case nil, .mse?, .squaredError?: break
        case let other?:
            throw RunSetupError("--loss \(other.rawValue) needs classes, but \(dataset) holds real-valued targets "
                                + "(regression trains on squared-error)", exitStatus: 64)
        }
        let sizes = [inputs] + hiddenSizes + [1]
        try Self.checkSize(sizes)
        return (sizes, Array(repeating: activation, count: hiddenSizes.count) + [.linear], .squaredError)
    }

    /// Checks that a model read from `path` suits the task: a regression model (squared error)
    /// for real-valued targets, a classifier for classes; status 65 otherwise.
    static func checkModel(_ network: Network, path: String, fits task: LearningTask) throws(RunSetupError) {
        let isRegression = network.loss == .squaredError
        guard isRegression != (task == .regression) else { return }
        throw RunSetupError("\(path): the model is a \(isRegression ? "regression" : "classification") model, but "
                            + "the data is a \(task.rawValue) data set", exitStatus: 65)
    }
}
