import Datasets
import MLPEngine

/// What `mlptop inspect` shows: one sample's forward and backward pass through a network, with
/// every intermediate number, beside the gradient of the whole data set as one batch.
///
/// The sample's numbers are `Network.trace` (a batch of one: no 1/m); the batch's are
/// `TrainingRun.fullBatchGradient` (the mean over the data, bit for bit what a full-batch step of
/// a run on the same data applies). Both come out of the engine's own passes, never a second
/// implementation. The data are the network's inputs, after any `ModelInputTransform`. A value
/// type, `Sendable`.
public struct InspectReport: Sendable, Equatable {
    /// The network inspected.
    public var network: Network
    /// The 0-based row of the sample in the data.
    public var sample: Int
    /// The number of rows in the data (the batch).
    public var sampleCount: Int
    /// The sample's forward and backward pass.
    public var trace: SampleTrace
    /// The mean loss, accuracy and gradient over all the rows as one batch.
    public var batch: BatchGradient
    /// What the data called its classes, for the sample's label.
    public var classes: ClassNames

    /// The report of row `sample` of `data` (network inputs, one row per sample) and of all of
    /// `data` as one batch, computed on `threads` threads. O(weights × rows).
    public init(network: Network, data: Dataset, sample: Int, threads: Int = 1) {
        precondition((0..<data.count).contains(sample) && data.featureCount == network.inputCount, "the sample must fit")
        let width = data.featureCount
        let input = Array(data.features[(sample * width)..<((sample + 1) * width)])
        self.network = network
        self.sample = sample
        sampleCount = data.count
        classes = data.classes
        trace = network.trace(input: input, label: data.labels[sample])
        batch = TrainingRun.fullBatchGradient(network: network, dataset: data, threads: threads)
    }

    /// Whether every number of the report is finite (JSON has no form for the others).
    public var isFinite: Bool {
        trace.loss.isFinite && trace.input.allSatisfy(\.isFinite) && trace.gradient.allSatisfy(\.isFinite)
            && trace.layers.allSatisfy { $0.z.allSatisfy(\.isFinite) && $0.a.allSatisfy(\.isFinite)
                && $0.delta.allSatisfy(\.isFinite) }
            && batch.loss.isFinite && batch.gradient.allSatisfy(\.isFinite)
    }

    /// Rows of layer `layer`'s slice of a parameter-layout vector: `∂E/∂W` out×in like the
    /// model's weights, then `∂E/∂b`.
    public func split(_ parameters: [Double], layer: Int) -> (weights: [[Double]], biases: [Double]) {
        let shape = network.shapes[layer]
        let weights = (0..<shape.outputs).map { row in
            let start = shape.weightOffset + row * shape.inputs
            return Array(parameters[start..<(start + shape.inputs)])
        }
        return (weights, Array(parameters[shape.biasOffset..<shape.endOffset]))
    }
}

