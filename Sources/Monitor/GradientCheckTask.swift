import Datasets
import Dispatch
import Foundation
import MLPEngine
import Training

/// Runs a gradient check of a copy of the live network on a background queue, so the screen stays
/// responsive; the monitor loop collects the result once it is there. The run itself is never
/// touched: the check works on its own copy of the weights.
final class GradientCheckTask: Sendable {
    /// The most samples a check uses (the first of the training set), so a big data set still
    /// checks in about a second.
    static let sampleLimit = 512

    private let result = LockedValue<GradientCheckSummary?>(nil)
    private let queue = DispatchQueue(label: "mlptop.gradient-check", qos: .userInitiated)

    /// Starts checking `network` (at `epoch`, after `edits` edits) on the first samples of `data`.
    func start(network: Network, data: Dataset, epoch: Int, edits: Int) {
        let count = min(data.count, Self.sampleLimit)
        let features = Array(data.features.prefix(count * data.featureCount))
        let labels = Array(data.labels.prefix(count))
        queue.async { [result] in
            let started = DispatchTime.now().uptimeNanoseconds
            let check = GradientCheck.run(network, features: features, labels: labels)
            let layer = network.shapes.firstIndex { check.worstIndex < $0.endOffset } ?? 0
            let summary = GradientCheckSummary(
                epoch: epoch, parameterEdits: edits, worstRelativeError: check.worstRelativeError, worstLayer: layer,
                numeric: check.numeric, analytic: check.analytic, samples: count,
                seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            result.withLock { $0 = summary }
        }
    }

    /// The finished check, once (nil while running or after it was taken).
    func take() -> GradientCheckSummary? {
        result.withLock { value in
            let taken = value
            value = nil
            return taken
        }
    }
}
