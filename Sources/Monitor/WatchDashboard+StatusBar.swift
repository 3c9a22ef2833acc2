import TerminalUI
import Training

extension WatchDashboard {
    /// `RUNNING  epoch 42 (step 8400)  train loss 0.31 acc 90.1%  test loss 0.35  lr 0.01  12 epochs/s   run.jsonl`:
    /// what the log has given; a field it has not given (yet), or a speed not known, is left out.
    public func statusBar(for state: TrainerState, facts: WatchedFacts, width: Int) -> StatusBar {
        var word = state.status.rawValue
        if facts.ended {
            word = "ENDED"
        } else if facts.quiet, state.status == .running {
            word = "QUIET"
        } else if facts.pauseRequested, !facts.quiet || facts.pauseUnanswered {
            // Asked, and the log still grows (or no line has come since it was sent into silence):
            // PAUSED only once a writer has logged and then stopped.
            word = "PAUSING"
        }
        let source = facts.shortSource
        if facts.waiting, facts.loggedEpoch == nil {
            // `--wait` on a file not there yet: nothing runs, nothing is known, no key can act.
            return StatusBar(left: [StatusSegment(" WAITING  ", style: dashboard.statusStyle(.paused)),
                                    StatusSegment(" waiting for \(source)")], theme: theme)
        }
        let status = StatusSegment(" " + word.padding(toLength: 8, withPad: " ", startingAt: 0) + " ",
                                   style: dashboard.statusStyle(state.status))
        let r = state.latest, logged = facts.logged
        var position = "\(facts.axis) \(facts.loggedEpoch ?? state.epoch)"
        if facts.axis == "epoch", let step = facts.step { position += " (step \(step))" }
        // What the log has not given (yet) is left out, not shown as a dash.
        let hasTrain = logged.contains("train_loss"), hasTest = logged.contains("test_loss")
        var train = hasTrain ? "train loss \(Dashboard.loss(r?.trainLoss))" : ""
        if hasTrain, logged.contains("train_accuracy") { train += " acc \(Dashboard.percent(r?.trainAccuracy))" }
        var test = hasTest ? "test loss \(Dashboard.loss(r?.testLoss))" : ""
        if hasTest, logged.contains("test_accuracy") { test += " acc \(Dashboard.percent(r?.testAccuracy))" }
        let lr = logged.contains("lr") ? "lr \(formatRate(state.learningRate))" : ""
        let unit = facts.axis == "step" ? "steps/s" : "epochs/s"
        let moving = state.epochsPerSecond > 0 && !facts.quiet && !facts.pauseRequested
        let speed = moving ? String(format: "%.3g %@", state.epochsPerSecond, unit) : ""
        let shortTrain = train.replacingOccurrences(of: "train loss", with: "train")
        let shortTest = test.replacingOccurrences(of: "test loss", with: "test")
        let losses = switch (hasTrain, hasTest) {
        case (true, true): "loss \(Dashboard.loss(r?.trainLoss))/\(Dashboard.loss(r?.testLoss))"
        case (true, false): "loss \(Dashboard.loss(r?.trainLoss))"
        case (false, true): "test loss \(Dashboard.loss(r?.testLoss))"
        case (false, false): ""
        }
        func padded(_ text: String, _ width: Int) -> String { text.isEmpty ? "" : Dashboard.pad(text, width) }
        // Narrower and narrower: padding goes first, then the source's name, then the words, then accuracy.
        let variants: [(texts: [String], right: String)] = [
            ([Dashboard.pad(position, 14), padded(train, 28), padded(test, 27), lr, speed], source),
            ([position, train, test, lr, speed], source),
            ([position, train, test, lr, speed], ""),
            ([position, shortTrain, shortTest, lr, speed], ""),
            ([position, losses, lr, speed], ""),
            ([position, losses], ""),
        ].map { variant in (variant.0.filter { !$0.isEmpty }, variant.1) }
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
