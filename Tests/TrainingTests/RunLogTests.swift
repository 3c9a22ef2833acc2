import Foundation
import Testing
@testable import Training

struct RunLogTests {
    static let report = EpochReport(epoch: 3, trainLoss: 0.5, testLoss: nil, trainAccuracy: 0.75, testAccuracy: nil,
                                    learningRate: 0.1, gradientNorms: [GradientNorm(weights: 1.5, biases: 0.25)],
                                    seconds: 0.001, samplesPerSecond: 1000)

    @Test func oneJSONObjectPerEpoch() {
        #expect(RunLog.line(for: Self.report) == "{\"epoch\": 3, \"train_loss\": 0.5, \"test_loss\": null, "
                + "\"train_accuracy\": 0.75, \"test_accuracy\": null, \"lr\": 0.1, \"grad_norms\": [[1.5, 0.25]], "
                + "\"seconds\": 0.001}\n")
    }

    @Test func aQuietRunIsStillWrittenOutWithinAboutASecond() throws {
        let path = NSTemporaryDirectory() + "mlptop-log-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try RunLog(path: path)
        log.record(Self.report)
        #expect(try String(contentsOfFile: path, encoding: .utf8).isEmpty)
        let deadline = Date().addingTimeInterval(5)
        var text = ""
        while Date() < deadline {
            text = try String(contentsOfFile: path, encoding: .utf8)
            if !text.isEmpty { break }
            usleep(50_000)
        }
        #expect(text == RunLog.line(for: Self.report))
        _ = log
    }
}
