import Foundation
@testable import Monitor
import Testing
import TestSupport

/// A lesson's input paths: from the current folder, else from the lesson file's folder.
struct LessonPathTests {
    @Test func aDataFileBesideTheLessonIsFoundFromAnyFolder() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-lesson-paths")
        try "x1,x2,label\n0,0,0\n".write(toFile: folder.file("beside.csv"), atomically: true, encoding: .utf8)
        let text = #"{"dataset": "beside.csv", "init-from": "nowhere.json", "hidden": [2]}"#
        let lesson = try Lesson.parse(bytes: Array(text.utf8), file: folder.file("l.json")).resolvingPaths(from: folder.path)
        #expect(lesson.arguments == ["--dataset=\(folder.file("beside.csv"))", "--init-from=nowhere.json", "--hidden=2"],
                "found beside the lesson; a file found nowhere stays as written, for its flag's error")
        for kept in ["xor", "/etc/hostname"] {
            let text = #"{"dataset": "\#(kept)"}"#
            let lesson = try Lesson.parse(bytes: Array(text.utf8), file: "l.json").resolvingPaths(from: folder.path)
            #expect(lesson.arguments == ["--dataset=\(kept)"], "a built-in's name and an absolute path stay")
        }
    }
}
