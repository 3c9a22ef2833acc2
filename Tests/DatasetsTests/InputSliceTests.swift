import Datasets
import Testing

/// A 2-D slice through more than two input columns.
struct InputSliceTests {
    static let data = Dataset(name: "d", featureNames: ["a", "b", "c", "d"],
                              features: [1, 10, 100, 1000, 3, 30, 300, 3000], labels: [0, 1], classCount: 2)

    @Test func theOtherColumnsSitAtTheirMeans() {
        let slice = InputSlice(of: Self.data)
        #expect(slice.means == [2, 20, 200, 2000])
        #expect(slice.axisNames == ["a", "b"])
        #expect(slice.point(7, 8) == [7, 8, 200, 2000])
        let other = InputSlice(of: Self.data, horizontal: 3, vertical: 1)
        #expect(other.point(7, 8) == [2, 8, 200, 7])
    }

    @Test func aSliceRebasesOnlyOntoDataWithItsColumns() throws {
        let slice = InputSlice(of: Self.data, horizontal: 2, vertical: 1)
        let moved = Dataset(name: "e", featureNames: ["a", "b", "c", "d"], features: [5, 6, 7, 8], labels: [1], classCount: 2)
        let rebased = try #require(slice.rebased(on: moved))
        #expect(rebased.horizontal == 2 && rebased.vertical == 1 && rebased.means == [5, 6, 7, 8], "the new data's means")
        let renamed = Dataset(name: "f", featureNames: ["a", "b", "x", "d"], features: [5, 6, 7, 8], labels: [1], classCount: 2)
        #expect(slice.rebased(on: renamed) == nil)
        let narrower = Dataset(name: "g", featureNames: ["a", "b"], features: [5, 6], labels: [1], classCount: 2)
        #expect(slice.rebased(on: narrower) == nil)
    }

    @Test func xAndYCycleThroughTheColumnsTheOtherAxisDoesNotUse() {
        var slice = InputSlice(of: Self.data)
        var across: [Int] = []
        for _ in 0..<4 {
            slice = slice.cycled(axis: 0)
            across.append(slice.horizontal)
        }
        #expect(across == [2, 3, 0, 2], "b, the vertical column, is skipped")
        slice = InputSlice(of: Self.data).cycled(axis: 1)
        #expect(slice.horizontal == 0 && slice.vertical == 2)
        let two = InputSlice(of: Dataset(name: "p", featureNames: ["x", "y"], features: [0, 1], labels: [0], classCount: 2))
        #expect(two.cycled(axis: 0) == two && two.point(3, 4) == [3, 4])
    }

    @Test func projectionKeepsTheTwoColumnsAndTheLabels() {
        let projected = InputSlice(of: Self.data, horizontal: 2, vertical: 0).project(Self.data)
        #expect(projected.featureNames == ["c", "a"])
        #expect(projected.features == [100, 1, 300, 3])
        #expect(projected.labels == [0, 1])
    }
}
