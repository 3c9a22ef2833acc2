import Datasets
@testable import Monitor
import Testing

/// When the settings panel changes a run's data, what the view remembers of the old data — the
/// slice's columns and the chosen sample — must not be applied to the new data as if it were its own.
struct DataChangeViewTests {
    static func data(columns: [String], samples: Int = 4) -> Dataset {
        Dataset(name: "d", featureNames: columns, features: (0..<(samples * columns.count)).map { Double($0 % 7) },
                labels: (0..<samples).map { $0 % 2 }, classCount: 2)
    }

    static func run(columns: [String]) -> MonitorRunInfo {
        let data = Self.data(columns: columns)
        return MonitorRunInfo(datasetName: "d", architecture: "\(columns.count)-2-1", optimizer: "sgd", seed: 1,
                              rawTrainingSet: data, rawTestSet: data, networkInput: { $0 })
    }

    @Test func aSliceOfOtherColumnsLeavesTheRunAsItIs() {
        let four = Self.run(columns: ["a", "b", "c", "d"])
        let other = InputSlice(of: Self.data(columns: ["p", "q", "r", "s"]), horizontal: 3, vertical: 2)
        #expect(four.showing(other).slice == four.slice)
        let two = Self.run(columns: ["x1", "x2"])
        #expect(two.showing(other).slice == two.slice)
        #expect(four.showing(InputSlice(of: Self.data(columns: ["x1", "x2"]))).slice == four.slice)
    }

    @Test func aSliceOfTheSameColumnsMovesTheMapThroughTheRunsOwnMeans() throws {
        let four = Self.run(columns: ["a", "b", "c", "d"])
        var chosen = InputSlice(of: Self.data(columns: ["a", "b", "c", "d"]), horizontal: 2, vertical: 3)
        chosen.means = [100, 100, 100, 100]
        let shown = try #require(four.showing(chosen).slice)
        #expect(shown.horizontal == 2 && shown.vertical == 3)
        #expect(shown.means == four.slice?.means, "the run's own means, not those the slice was made with")
    }

    @Test func theChosenSampleStaysWithinANewTrainingSet() {
        var network = NetworkViewState(sizes: [2, 3, 1], sampleCount: 120)
        network.sample = 100
        network.adopt(sampleCount: 49)
        #expect(network.sampleCount == 49 && network.sample == 48)
        network.cycleSample(by: 1)
        #expect(network.sample == 0, "wraps at the new count")
        network.adopt(sampleCount: 200)
        #expect(network.sampleCount == 200 && network.sample == 0)
    }
}
