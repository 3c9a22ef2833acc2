import Foundation
import Testing
import TestSupport

/// What a headless run says about speed and time.
@Suite("headless speed and time")
struct HeadlessTimingTests {
    /// The first progress line comes after about a second, with the measured speed (it came after
    /// 50 ms, saying `0 epochs/s`).
    @Test func theFirstProgressLineComesAfterASecondWithARealSpeed() throws {
        let result = try HeadlessTrainTests.mlptop(["train", "--dataset", "xor", "--speed", "200", "--epochs", "320"])
        #expect(result.status == 0, "\(result.standardError)")
        let progress = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("epoch ") }
        let first = try #require(progress.first, "\(result.standardOutput)")
        let epoch = try #require(Int(first.dropFirst("epoch ".count).prefix { $0.isNumber }))
        #expect(epoch >= 150, "the first line came after \(epoch) epochs at 200/s: \(first)")
        let speed = try #require(first.components(separatedBy: "  ").last)
        #expect(speed != "0 epochs/s" && speed.hasSuffix(" epochs/s"), "\(first)")
        #expect((150...230).contains(Int(speed.dropLast(" epochs/s".count)) ?? 0), "\(first)")
    }

    /// The summary's time is the run's, to the millisecond: one xor epoch takes far less than the
    /// 50 ms the summary used to say (its loop's polling step).
    @Test func theSummaryTimesTheRunNotItsPolling() throws {
        let result = try HeadlessTrainTests.mlptop(["train", "--dataset", "xor", "--hidden", "4", "--epochs", "1"])
        #expect(result.status == 0, "\(result.standardError)")
        let summary = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("done: ") })
        let seconds = try #require(Double(summary.dropFirst("done: 1 epochs in ".count).prefix { $0 != " " }), "\(summary)")
        #expect(seconds > 0 && seconds < 0.045, "\(summary)")
        #expect(summary.contains(String(format: "in %.3f s; epoch 1 ", seconds)), "\(summary)")
    }
}
