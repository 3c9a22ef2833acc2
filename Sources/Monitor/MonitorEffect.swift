/// Something a key asks of the monitor itself rather than of the trainer.
public enum MonitorEffect: Hashable, Sendable {
    /// Leave the monitor (the session then stops the trainer and restores the terminal).
    case quit
    /// Draw the next frame even if the trainer's state has not changed.
    case redraw
    /// Show this line in the message area.
    case say(String)
}
