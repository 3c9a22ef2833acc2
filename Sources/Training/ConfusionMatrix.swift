import Datasets
import MLPEngine

/// How a network's predictions fall against the true classes: `count(true:predicted:)` samples
/// of class t were predicted as class p. Rows are true classes, columns predicted ones, both in
/// class order (0..<K), named by `classes`.
///
/// Per class k: precision = C[k][k] / Σ_t C[t][k] (of the samples predicted k, the share that
/// are k), recall = C[k][k] / Σ_p C[k][p] (of the samples of class k, the share found), F1 their
/// harmonic mean 2·P·R / (P + R). A ratio with nothing to divide (no sample predicted k, none of
/// class k) is 0, as scikit-learn's default `zero_division`. A value type, `Sendable`.
public struct ConfusionMatrix: Sendable, Equatable {
    /// Precision, recall, F1 and support (samples of the class) of one class.
    public struct ClassScores: Sendable, Equatable {
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int
    }

    /// The classes, for names.
    public var classes: ClassNames
    /// K × K counts, row-major: `counts[t * K + p]`.
    public private(set) var counts: [Int]

    /// The matrix of `predicted` classes against true `labels` (same length, each in 0..<K).
    public init(classes: ClassNames, labels: [Int], predicted: [Int]) {
        precondition(labels.count == predicted.count, "one prediction per label")
        let k = classes.count
        self.classes = classes
        counts = Array(repeating: 0, count: k * k)
        for (t, p) in zip(labels, predicted) { counts[t * k + p] += 1 }
    }

    /// The matrix of `network`'s predictions on `data` (network inputs; its labels are the truth).
    /// O(weights × samples).
    public init(network: Network, data: Dataset) {
        let predicted = ConfusionMatrix.predictedClasses(outputs: network.outputs(features: data.features),
                                                         units: network.outputCount)
        self.init(classes: data.classes, labels: data.labels, predicted: predicted)
    }

    /// Each sample's predicted class from `units` output activations per sample (sample-major), by
    /// the engine's rule for accuracy: one unit, class 1 when a ≥ 0.5; more, the first largest.
    public static func predictedClasses(outputs: [Double], units: Int) -> [Int] {
        stride(from: 0, to: outputs.count, by: units).map { start in
            if units == 1 { return outputs[start] >= 0.5 ? 1 : 0 }
            var best = 0
            for k in 1..<units where outputs[start + k] > outputs[start + best] { best = k }
            return best
        }
    }

    /// Samples of true class `t` predicted as `p`.
    public func count(true t: Int, predicted p: Int) -> Int { counts[t * classes.count + p] }

    /// The number of samples.
    public var total: Int { counts.reduce(0, +) }

    /// The share predicted right (0 for no samples).
    public var accuracy: Double {
        let right = (0..<classes.count).reduce(0) { $0 + count(true: $1, predicted: $1) }
        return total == 0 ? 0 : Double(right) / Double(total)
    }

    /// Precision, recall, F1 and support of each class, in class order.
    public var perClass: [ClassScores] {
        let k = classes.count
        return (0..<k).map { c in
            let hit = Double(count(true: c, predicted: c))
            let predicted = (0..<k).reduce(0) { $0 + count(true: $1, predicted: c) }
            let support = (0..<k).reduce(0) { $0 + count(true: c, predicted: $1) }
            let precision = predicted == 0 ? 0 : hit / Double(predicted)
            let recall = support == 0 ? 0 : hit / Double(support)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            return ClassScores(precision: precision, recall: recall, f1: f1, support: support)
        }
    }

    /// The counts as JSON rows (true class), each an array over predicted classes.
    public var json: JSONValue {
        let k = classes.count
        return .array((0..<k).map { t in .array((0..<k).map { p in .number(count(true: t, predicted: p)) }) })
    }
}
