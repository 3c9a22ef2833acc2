import Monitor

extension CompareCommand {
    /// `arguments` (compare's train flags) with a `--config` lesson's settings put first, so the
    /// flags given override them, but for those `varied` (flag names without dashes: the runs'
    /// own values replace the file's), and the lesson (its locks,
    /// hidden panels and notes go to the monitor). The lesson is checked alone as
    /// `mlptop train --config` checks it, with the same errors.
    static func expandingConfig(_ arguments: [String], varied: Set<String>) throws(ReportedFailure) -> (arguments: [String], lesson: Lesson) {
        var rest: [String] = [], path: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--config", index + 1 < arguments.count {
                path = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--config=") {
                path = String(argument.dropFirst("--config=".count))
            } else {
                rest.append(argument)
            }
            index += 1
        }
        guard let path else { return (arguments, Lesson()) }
        let options: TrainOptions
        do { options = try TrainOptions.parse(["--config", path]) } catch {
            throw ReportedFailure(message: TrainOptions.oneLine(error), exitStatus: 64)
        }
        let lesson = try options.applyingConfig(arguments: ["--config", path]).lesson
        let kept = lesson.settings.filter { !varied.contains($0.flag) }.flatMap(\.arguments)
        return (kept + rest, lesson)
    }
}
