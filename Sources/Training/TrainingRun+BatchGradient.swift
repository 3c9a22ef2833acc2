import Datasets
import MLPEngine

extension TrainingRun {
    /// The mean loss, accuracy and gradient of `network` over all of `dataset` as one batch,
    /// through the trainer's own data-parallel pass: bit for bit the gradient a full-batch step of
    /// a run on `dataset` applies (whatever the thread count). What `mlptop inspect` and the
    /// inspector's batch column show.
    public static func fullBatchGradient(network: Network, dataset: Dataset, threads: Int = 1) -> BatchGradient {
        precondition(dataset.count > 0 && dataset.featureCount == network.inputCount, "data must fit the network")
        var gradient = [Double](repeating: 0, count: network.parameters.count)
        let totals = ParallelGradient(threads: threads).compute(
            network: network, features: dataset.features, labels: dataset.labels, order: [],
            range: 0..<dataset.count, into: &gradient)
        let n = Double(dataset.count)
        return BatchGradient(loss: totals.lossSum / n, accuracy: Double(totals.correct) / n, gradient: gradient)
    }
}
