import TerminalUI
import Training

extension WatchDashboard {
    /// `RUNNING  epoch 42 (step 8400)  train loss 0.31 acc 90.1%  test loss 0.35  lr 0.01  12 epochs/s   run.jsonl`:
    /// what the log has given, `-` for what it has not (yet).
    public func statusBar(for state: TrainerState, facts: WatchedFacts, width: Int) -> StatusBar {
        var word = state.status.rawValue
        if facts.ended { word = "ENDED" }
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
        let speed = state.epochsPerSecond > 0 ? String(format: "%.3g %@", state.epochsPerSecond, unit) : "- \(unit)"
        let source = facts.source.split(separator: "/").last.map(String.init) ?? facts.source
        let variants: [[String]] = [
            [Dashboard.pad(position, 14), Dashboard.pad(train, 28), Dashboard.pad(test, 27), lr, speed],
            [position, train, test, lr, speed],
            [position, "loss \(loss("train_loss", r?.trainLoss))/\(loss("test_loss", r?.testLoss))", lr, speed],
            [position, "loss \(loss("train_loss", r?.trainLoss))/\(loss("test_loss", r?.testLoss))"],
        ]
        for (index, texts) in variants.enumerated() {
            let right = index < 2 ? source : ""
            let used = TextFit.width(status.text) + texts.reduce(0) { $0 + TextFit.width($1) + 2 }
                + (right.isEmpty ? 0 : TextFit.width(right) + 2)
            guard used <= width || index == variants.count - 1 else { continue }
            return StatusBar(left: [status] + texts.map { StatusSegment(" " + $0) },
                             right: right.isEmpty ? [] : [StatusSegment(right + " ")], theme: theme)
        }
        return StatusBar(left: [status], theme: theme)
    }
}
