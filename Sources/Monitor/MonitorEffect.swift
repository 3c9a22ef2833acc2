/// Something a key asks of the monitor itself rather than of the trainer.
public enum MonitorEffect: Hashable, Sendable {
    /// Leave the monitor (the session then stops the trainer and restores the terminal).
    case quit
    /// Draw the next frame even if the trainer's state has not changed.
    case redraw
    /// Show this line in the message area.
    case say(String)
    /// Network view: choose the training sample with the largest loss.
    case selectWorstSample
    /// Network view: open the prompt for the selected weight or bias.
    case openPrompt
    /// Network view: start a gradient check of the live network.
    case runGradientCheck
    /// View the rewind point before (−1) or after (+1) the one on show (or the live epoch).
    case stepRewind(Int)
    /// Train on from the rewind point on show.
    case resumeFromViewed
    /// Train one epoch from the rewind point on show, then stay paused there.
    case stepFromViewed
    /// Snapshot every run side by side together (a folder each, loss.svg, summary.json).
    case snapshotRuns
    /// Fork the selected run with this change (`lr=0.3`).
    case fork(String)
}
