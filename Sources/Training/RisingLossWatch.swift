import Foundation

/// Notices a training loss that has climbed far above where the run started and above its best:
/// the sign of a learning rate too high for the net, even while every number stays finite (a
/// saturated sigmoid at lr 50 sits at a loss of 40–180, dead ReLUs at a constant 6.25).
///
/// One warning per climb: it speaks again only after the loss has come back near its best.
struct RisingLossWatch {
    /// The first loss seen (since the start or the last reset).
    private(set) var first: Double?
    /// The lowest loss seen.
    private(set) var best = Double.infinity
    private var warned = false

    /// A warning about `loss` at `epoch`, or nil when all is well or it was said already.
    mutating func check(loss: Double, epoch: Int, learningRate: Double) -> String? {
        guard loss.isFinite else { return nil }
        let first = self.first ?? loss
        self.first = first
        best = min(best, loss)
        if warned {
            if loss <= 2 * best { warned = false }
            return nil
        }
        guard loss > 2 * first, loss > 5 * best else { return nil }
        warned = true
        return "loss \(Self.format(loss)) at epoch \(epoch) is far above its start (\(Self.format(first))) and best "
            + "(\(Self.format(best))): lr \(formatRate(learningRate)) may be too high"
    }

    /// Forgets the run so far (after a reset).
    mutating func reset() {
        self = RisingLossWatch()
    }

    static func format(_ x: Double) -> String { String(format: "%.4g", x) }
}
