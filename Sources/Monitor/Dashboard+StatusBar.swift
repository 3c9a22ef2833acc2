import Foundation
import TerminalUI
import Training

extension Dashboard {
    /// The top line: state word, epoch, train and test loss and accuracy, learning rate,
    /// optimiser and speed on the left; data set and architecture on the right.
    ///
    /// `epoch 1234` and `lr 0.03` always appear in exactly that form, so scripts can read them. The
    /// widest wording that fits `width` is used; fields are padded to steady widths so the line
    /// does not jump about as the numbers change.
    public func statusBar(for state: TrainerState, width: Int) -> StatusBar {
        let word = StatusSegment(" " + state.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + " ",
                                 style: statusStyle(state.status))
        let r = state.latest
        let (trainLoss, testLoss) = (Self.loss(r?.trainLoss), Self.loss(r?.testLoss))
        // Regression: R² where classification shows accuracy (EpochReport carries either).
        let metric = run.isRegression ? "R2" : "acc"
        let regression = run.isRegression
        func quality(_ value: Double?) -> String { regression ? Self.rSquared(value) : Self.percent(value) }
        let (trainAccuracy, testAccuracy) = (quality(r?.trainAccuracy), quality(r?.testAccuracy))
        let epoch = state.viewingLiveEpoch.map { "viewing epoch \(state.epoch) of \($0)" } ?? "epoch \(state.epoch)"
        let lr = "lr \(formatRate(state.learningRate)) \(run.optimizer)"
        var speed = state.knownEpochsPerSecond.map { String(format: "%.0f", $0) } ?? "-"
        var widestSpeed = 5
        if let limit = state.speedLimit {
            speed += "/" + formatRate(limit)
            widestSpeed += 1 + TextFit.width(formatRate(limit))
        }
        // Each field is padded to the widest its values can be (`StatusFieldWidths`), so neither the
        // layout chosen nor any field's place changes as the numbers change while training.
        let w = StatusFieldWidths(regression: regression)
        let paddedSpeed = String(repeating: " ", count: max(0, widestSpeed - speed.count)) + speed + " epochs/s"
        let full = [
            Self.pad(epoch, 12),
            Self.pad("train loss \(Self.pad(trainLoss, StatusFieldWidths.loss)) \(metric) \(trainAccuracy)", w.trainField(metric)),
            Self.pad("test loss \(Self.pad(testLoss, StatusFieldWidths.loss)) \(metric) \(testAccuracy)", w.testField(metric)), lr,
            paddedSpeed,
        ]
        let short = [
            epoch, "loss \(trainLoss)/\(testLoss)", "\(metric) \(trainAccuracy)/\(testAccuracy)", lr, speed + " epochs/s",
        ]
        let paddedShort = [Self.pad(short[0], 12), Self.pad(short[1], w.lossPair), Self.pad(short[2], w.qualityPair(metric)), lr,
                           paddedSpeed]
        let about = "\(run.datasetName) \(run.architecture)"
        // The short fields with the speed as `ep/s`.
        let tight = Array(paddedShort.dropLast()) + [String(paddedSpeed.dropLast(" epochs/s".count)) + " ep/s"]
        let variants: [(texts: [String], right: String, gap: Int)] = [
            (full, about, 2), (paddedShort, about, 2), (paddedShort, about, 1),
            (tight, about, 1), (paddedShort, run.datasetName, 1), (tight, "", 1),
            // Narrower (80 columns) there is no room for the padding: the fields keep their words
            // (a bare `0.5171/0.5856` after `lr 0.1` read as part of it) and may move as numbers change.
            ([epoch, "lr \(formatRate(state.learningRate))", short[1], short[2],
              speed + " ep/s"], "", 1),
        ]
        for (index, variant) in variants.enumerated() {
            let used = TextFit.width(word.text) + variant.texts.reduce(0) { $0 + TextFit.width($1) + variant.gap }
                + (variant.right.isEmpty ? 0 : TextFit.width(variant.right) + 2)
            guard used <= width || index == variants.count - 1 else { continue }
            let lead = String(repeating: " ", count: variant.gap - 1)
            let left = [word] + variant.texts.map { StatusSegment(lead + $0) }
            let right = variant.right.isEmpty ? [] : [StatusSegment(variant.right + " ")]
            return StatusBar(left: left, right: right, theme: theme)
        }
        return StatusBar(left: [word], theme: theme)
    }

    /// `text` with trailing spaces up to `width` cells.
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - TextFit.width(text)))
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
        value.map { $0.isFinite ? String(format: "%.4g", $0) : NumberFormat.compact($0) } ?? "-"
    }

    /// An accuracy as a percentage with one decimal, `-` when unknown.
    /// R² to three decimals (`0.981`, `-0.250`), `-` when unknown.
    static func rSquared(_ value: Double?) -> String {
        value.map { NumberFormat.score($0, decimals: 3) } ?? "-"
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }
}
