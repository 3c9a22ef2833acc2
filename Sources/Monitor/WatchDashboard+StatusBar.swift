import TerminalUI
import Training

extension WatchDashboard {
    /// `RUNNING  epoch 42 (step 8400)  train loss 0.31 acc 90.1%  test loss 0.35  lr 0.01  12 epochs/s   run.jsonl`:
    /// what the log has given, `-` for what it has not (yet).
    public func statusBar(for state: TrainerState, facts: WatchedFacts, width: Int) -> StatusBar {
        var word = state.status.rawValue
        if facts.ended {
            word = "ENDED"
        } else if facts.quiet, state.status == .running {
            word = "QUIET"
        } else if facts.pauseRequested, !facts.quiet {
            // Asked, and the log still grows: PAUSED only once the writer has stopped logging.
            word = "PAUSING"
        }
        let status = StatusSegment(" " + word.padding(toLength: 8, withPad: " ", startingAt: 0) + " ",
                                   style: dashboard.statusStyle(state.status))
        let r = state.latest, logged = facts.logged
        var position = "\(facts.axis) \(state.epoch)"
        if facts.axis == "epoch", let step = facts.step { position += " (step \(step))" }
        func loss(_ field: String, _ value: Double?) -> String { logged.contains(field) ? Dashboard.loss(value) : "-" }
        var train = "train loss \(loss("train_loss", r?.trainLoss))"
        if logged.contains("train_accuracy") { train += " acc \(Dashboard.percent(r?.trainAccuracy))" }
        var test = "test loss \(loss("test_loss", r?.testLoss))"
        if logged.contains("test_accuracy") { test += " acc \(Dashboard.percent(r?.testAccuracy))" }
        let lr = logged.contains("lr") ? "lr \(formatRate(state.learningRate))" : "lr -"
        let unit = facts.axis == "step" ? "steps/s" : "epochs/s"
        let moving = state.epochsPerSecond > 0 && !facts.quiet && !facts.pauseRequested
        let speed = moving ? String(format: "%.3g %@", state.epochsPerSecond, unit) : "- \(unit)"
        let source = facts.source.split(separator: "/").last.map(String.init) ?? facts.source
        let shortTrain = train.replacingOccurrences(of: "train loss", with: "train")
        let shortTest = test.replacingOccurrences(of: "test loss", with: "test")
        let losses = "loss \(loss("train_loss", r?.trainLoss))/\(loss("test_loss", r?.testLoss))"
        // Narrower and narrower: padding goes first, then the source's name, then the words, then accuracy.
        let variants: [(texts: [String], right: String)] = [
            ([Dashboard.pad(position, 14), Dashboard.pad(train, 28), Dashboard.pad(test, 27), lr, speed], source),
            ([position, train, test, lr, speed], source),
            ([position, train, test, lr, speed], ""),
            ([position, shortTrain, shortTest, lr, speed], ""),
            ([position, losses, lr, speed], ""),
            ([position, losses], ""),
        ]
        for (index, variant) in variants.enumerated() {
            let used = TextFit.width(status.text) + variant.texts.reduce(0) { $0 + TextFit.width($1) + 2 }
                + (variant.right.isEmpty ? 0 : TextFit.width(variant.right) + 2)
            guard used <= width || index == variants.count - 1 else { continue }
            return StatusBar(left: [status] + variant.texts.map { StatusSegment(" " + $0) },
                             right: variant.right.isEmpty ? [] : [StatusSegment(variant.right + " ")], theme: theme)
        }
        return StatusBar(left: [status], theme: theme)
    }
}
