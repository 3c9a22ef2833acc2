import Foundation
import TerminalUI
import Training

extension Dashboard {
    /// The top line: state word, epoch, train and test loss and accuracy, learning rate,
    /// optimiser and speed on the left; data set and architecture on the right.
    ///
    /// `epoch 1234` and `lr 0.03` always appear in exactly that form, so scripts can read them. The
    /// widest wording that fits `width` is used: two-space gaps, then one, then short labels.
    public func statusBar(for state: TrainerState, width: Int) -> StatusBar {
        let word = StatusSegment(" " + state.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + " ",
                                 style: statusStyle(state.status))
        let report = state.latest
        let epoch = "epoch \(state.epoch)"
        let lr = "lr \(formatRate(state.learningRate)) \(run.optimizer)"
        let speed = String(format: "%.0f", state.epochsPerSecond)
        let full = [
            epoch,
            "train loss \(Self.loss(report?.trainLoss)) acc \(Self.percent(report?.trainAccuracy))",
            "test loss \(Self.loss(report?.testLoss)) acc \(Self.percent(report?.testAccuracy))",
            lr, "\(speed) epochs/s",
        ]
        let short = [
            epoch, "loss \(Self.loss(report?.trainLoss))/\(Self.loss(report?.testLoss))",
            "acc \(Self.percent(report?.trainAccuracy))/\(Self.percent(report?.testAccuracy))", lr, "\(speed) epochs/s",
        ]
        let about = "\(run.datasetName) \(run.architecture)"
        let variants: [([String], String, String)] = [
            (full, about, "  "), (full, about, " "), (short, about, " "), (short, run.datasetName, " "),
        ]
        for (texts, right, gap) in variants {
            let left = [word] + texts.map { StatusSegment(gap.dropFirst() + $0) }
            let bar = StatusBar(left: left, right: [StatusSegment(right + " ")], theme: theme)
            let used = TextFit.width(word.text) + texts.reduce(0) { $0 + TextFit.width($1) + gap.count }
            if used + 1 + TextFit.width(right) + 1 <= width || right == run.datasetName { return bar }
        }
        return StatusBar(left: [word], theme: theme)
    }

    /// The state word's style: good while running, warnings for paused, bad for diverged.
    func statusStyle(_ status: RunStatus) -> CellStyle {
        switch status {
        case .running: theme.good
        case .paused: theme.warning
        case .diverged: theme.bad
        case .done: theme.title
        case .stopped: theme.muted
        }
    }

    /// A loss with four significant digits, `-` when unknown.
    static func loss(_ value: Double?) -> String {
        value.map { String(format: "%.4g", $0) } ?? "-"
    }

    /// An accuracy as a percentage with one decimal, `-` when unknown.
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }
}
