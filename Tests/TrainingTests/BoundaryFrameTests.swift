import Datasets
import Testing
@testable import Training

/// How boundary.svg (and network.svg's thumbnails) frame the two columns they show.
struct BoundaryFrameTests {
    static func data(_ xs: [Double], _ ys: [Double]) -> Dataset {
        Dataset(name: "d", featureNames: ["x", "y"], features: zip(xs, ys).flatMap { [$0, $1] },
                labels: xs.indices.map { $0 % 2 }, classCount: 2)
    }

    @Test("columns of different scales each span their own padded range (weight 8–180, length 1–20)")
    func differentScalesKeepTheirOwnRanges() throws {
        let frame = try #require(SnapshotPictures.InputPlane.frame(of: Self.data([8, 180], [1, 20])))
        #expect(abs(frame.x.lowerBound - (8 - 8.6)) < 1e-9 && abs(frame.x.upperBound - (180 + 8.6)) < 1e-9, "\(frame)")
        #expect(abs(frame.y.lowerBound - (1 - 0.95)) < 1e-9 && abs(frame.y.upperBound - (20 + 0.95)) < 1e-9, "\(frame)")
    }

    @Test("columns of like scale share units: the shorter span grows to the longer's about its middle")
    func likeScalesShareUnits() throws {
        let frame = try #require(SnapshotPictures.InputPlane.frame(of: Self.data([0, 4], [0, 2])))
        #expect(abs((frame.x.upperBound - frame.x.lowerBound) - (frame.y.upperBound - frame.y.lowerBound)) < 1e-9)
        #expect(abs((frame.y.lowerBound + frame.y.upperBound) / 2 - 1) < 1e-9, "\(frame)")
        #expect(SnapshotPictures.InputPlane.sharesUnits(3, 1) && !SnapshotPictures.InputPlane.sharesUnits(3.1, 1))
    }
}
