import ArgumentParser
import MLPEngine
import Monitor
import Training

extension TrainOptions {
    /// The arguments of `mlptop train` on this command line (without the command's name).
    static var commandLineArguments: [String] {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "train" { arguments.removeFirst() }
        return arguments
    }

    /// The options `arguments` (the command line's train flags) give, read under the `--config`
    /// lesson: the lesson's fields count as flags given first, so the command line's win. Returns
    /// the merged options, every flag given (the file's and the command line's) and the lesson.
    ///
    /// The lesson is checked alone first, each field as its flag and then all together as the
    /// flags are, so its errors name the file and field (`lesson.json: lr: --lr must be a
    /// positive number, not -1.0`, status 65); then the merge is checked (status 64).
    func applyingConfig(arguments: [String]) throws(ReportedFailure) -> (options: TrainOptions, given: [String], lesson: Lesson) {
        let flags = Self.flags(in: arguments)
        guard let path = config else { return (self, flags, Lesson()) }
        let lesson: Lesson
        // Its data may lie beside it rather than under the current folder.
        let folder = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        do { lesson = try Lesson.read(path).resolvingPaths(from: folder.isEmpty ? "/" : folder) } catch {
            throw ReportedFailure(message: error.description, exitStatus: error.exitStatus)
        }
        func fileError(_ field: String?, _ reason: String) -> ReportedFailure {
            ReportedFailure(message: LessonError(file: path, field: field, reason: reason).description, exitStatus: 65)
        }
        // `--config` stays among the arguments parsed, so `validate()` leaves the checks to us.
        for setting in lesson.settings where !setting.arguments.isEmpty {
            do { _ = try Self.parse(["--config", path] + setting.arguments) } catch {
                throw fileError(setting.field, Self.oneLine(error))
            }
        }
        let lessonFlags = Self.flags(in: lesson.arguments)
        do {
            let alone = try Self.parse(lesson.arguments + ["--config", path])
            try alone.validate(given: lessonFlags)
        } catch {
            let message = Self.oneLine(error)
            // The field whose flag the message names first (`--momentum applies to …`).
            let named = message.split(separator: " ").lazy.compactMap { word in
                let flag = word.prefix { $0 == "-" || $0.isLetter || $0.isNumber }
                return lesson.settings.first { "--" + $0.flag == flag }
            }.first
            throw fileError(named?.field, message)
        }
        let given = (lessonFlags + flags).filter { $0 != "--config" }
        do {
            let merged = try Self.parse(lesson.arguments + arguments)
            try merged.validate(given: given)
            return (merged, given, lesson)
        } catch {
            throw ReportedFailure(message: Self.oneLine(error) + " (with \(path))", exitStatus: 64)
        }
    }

    /// An argument parser's or validation error as one line.
    static func oneLine(_ error: any Error) -> String {
        message(for: error).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .joined(separator: " ")
    }
}
