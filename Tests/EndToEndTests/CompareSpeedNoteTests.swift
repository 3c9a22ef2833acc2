import Foundation
import Testing
import TestSupport

/// `compare --headless` with a speed limit (a lesson's `"speed"` or `--speed`): it says that the
/// limit paces the monitor only, and trains at full speed.
@Suite("mlptop compare --headless with a speed limit")
struct CompareSpeedNoteTests {
    static let lesson = LessonCommandTests.root + "/lessons/xor.json"
    static let data = LessonCommandTests.root + "/lessons/xor-corners.csv"

    @Test("a lesson's speed: the note names it, right under the first line")
    func lessonSpeed() throws {
        let result = try LessonCommandTests.mlptop(["compare", "--config", Self.lesson, "--dataset", Self.data,
                                                    "--vary", "seed=1,4", "--headless"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.dropFirst().first.map(String.init) == "mlptop: the lesson's speed 100 paces the monitor only: compare --headless "
                + "trains its runs at full speed (leave out --headless to watch them at that pace)", "\(result.standardOutput)")
    }

    @Test("--speed given: the note names the flag; no limit: no note")
    func flagSpeed() throws {
        let paced = try LessonCommandTests.mlptop(["compare", "--vary", "lr=0.1,0.3", "--epochs", "5", "--speed", "50",
                                                   "--headless"])
        #expect(paced.status == 0, "\(paced.standardError)")
        #expect(paced.standardOutput.contains("\nmlptop: --speed 50 paces the monitor only: compare --headless"),
                "\(paced.standardOutput)")
        let unpaced = try LessonCommandTests.mlptop(["compare", "--vary", "lr=0.1,0.3", "--epochs", "5", "--headless"])
        #expect(unpaced.status == 0, "\(unpaced.standardError)")
        #expect(!unpaced.standardOutput.contains("paces the monitor"), "\(unpaced.standardOutput)")
    }
}
