import Training

extension CompareCommand {
    /// What `compare --headless` says about a speed limit it does not apply: a speed (`--speed`,
    /// or a lesson's `"speed"` when `fromLesson`) is for watching, and a headless comparison is
    /// for its table, so its runs train at full speed; nil when no limit is set.
    static func headlessSpeedNote(speed: Double?, fromLesson: Bool) -> String? {
        guard let speed, speed > 0 else { return nil }
        let source = fromLesson ? "the lesson's speed \(formatRate(speed))" : "--speed \(formatRate(speed))"
        return "\(source) paces the monitor only: compare --headless trains its runs at full speed "
            + "(leave out --headless to watch them at that pace)"
    }
}
