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
        // About 200 epochs after a second; at 50 ms it was about 10. A loaded machine may fall
        // behind the pace, so the bound is well below 200, and far above 10.
        #expect(epoch >= 50, "the first line came after \(epoch) epochs at 200/s: \(first)")
        let speed = try #require(first.components(separatedBy: "  ").last)
        #expect(speed != "0 epochs/s" && speed.hasSuffix(" epochs/s"), "\(first)")
        #expect((1...210).contains(Int(speed.dropLast(" epochs/s".count)) ?? 0), "\(first)")
    }

    /// The summary's time is the run's, to three digits: one xor epoch takes far less than the
    /// 50 ms the summary used to say (its loop's polling step).
    @Test func theSummaryTimesTheRunNotItsPolling() throws {
        // The quickest of three runs, so a busy machine's scheduling delays cannot decide it.
        var times: [Double] = []
        for _ in 0..<3 {
            let result = try HeadlessTrainTests.mlptop(["train", "--dataset", "xor", "--hidden", "4", "--epochs", "1"])
            #expect(result.status == 0, "\(result.standardError)")
            let summary = try #require(result.standardOutput.split(separator: "\n").first { $0.hasPrefix("done: ") })
            let seconds = try #require(Double(summary.dropFirst("done: 1 epochs in ".count).prefix { $0 != " " }), "\(summary)")
            #expect(summary.contains(String(format: "in %.3g s; epoch 1 ", seconds)), "\(summary)")
            times.append(seconds)
        }
        #expect(times.min()! > 0 && times.min()! < 0.045, "\(times)")
    }
}
