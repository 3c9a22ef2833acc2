import Datasets
import Foundation
import Testing

/// How fast a million rows load. Skipped unless `MLPTOP_SLOW_TESTS=1`; the Datasets module is
/// built with `-O` even in debug, so this measures optimised reader code. The bound is on CPU
/// time, which other processes on a busy machine do not inflate; wall time is printed too.
@Suite("CSV reader: speed", .enabled(if: ProcessInfo.processInfo.environment["MLPTOP_SLOW_TESTS"] == "1"))
struct CSVReaderSpeedTests {
    @Test func aMillionRowsLoadInUnderASecond() throws {
        let rows = 1_000_000
        let source = BuiltInDataset.moons.generate(count: rows, noise: 0.1, seed: 1)
        let path = try temporaryFolder().appendingPathComponent("million.csv").path
        try CSVDatasetWriter.write(source, toPath: path)
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        var best = (wall: Duration.seconds(1000), cpu: Duration.seconds(1000))
        var dataset: Dataset?
        for _ in 0..<3 {
            let (start, startCPU) = (ContinuousClock.now, cpuTime())
            dataset = try CSVDatasetReader.read(path: path)
            best = (min(best.wall, ContinuousClock.now - start), min(best.cpu, cpuTime() - startCPU))
        }
        print("CSV reader: \(rows) rows, \(size) bytes, best of 3: \(best.wall) wall, \(best.cpu) CPU")
        #expect(dataset == Dataset(name: "million.csv", featureNames: ["x1", "x2"], features: source.features,
                                   labels: source.labels, classCount: 2))
        #expect(best.cpu < .seconds(1))
    }

    /// This thread's CPU time.
    private func cpuTime() -> Duration {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return .seconds(now.tv_sec) + .nanoseconds(now.tv_nsec)
    }
}
