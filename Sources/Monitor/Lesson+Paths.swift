import Foundation

extension Lesson {
    /// The flags whose value is a file the run reads.
    static let inputPathFlags: Set<String> = ["dataset", "init-from"]

    /// This lesson with each relative input path (`dataset`, `init-from`) that does not exist from
    /// the current folder but does from `folder` (the lesson file's) taken from there, so a lesson
    /// with its data beside it runs from anywhere; a path found from the current folder, a built-in
    /// data set's name and an absolute path are left as they are.
    public func resolvingPaths(from folder: String) -> Lesson {
        var lesson = self
        let manager = FileManager.default
        for index in lesson.settings.indices where Self.inputPathFlags.contains(lesson.settings[index].flag) {
            let prefix = "--\(lesson.settings[index].flag)="
            guard lesson.settings[index].arguments.count == 1, let argument = lesson.settings[index].arguments.first,
                  argument.hasPrefix(prefix) else { continue }
            let path = String(argument.dropFirst(prefix.count))
            let beside = folder + "/" + path
            guard !path.hasPrefix("/"), !manager.fileExists(atPath: path), manager.fileExists(atPath: beside) else { continue }
            lesson.settings[index].arguments = [prefix + beside]
        }
        return lesson
    }
}
