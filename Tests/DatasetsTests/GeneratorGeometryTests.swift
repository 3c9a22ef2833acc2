import Datasets
import Testing

/// Without noise, each generator's points lie exactly where its definition puts them.
@Suite("Generator geometry")
struct GeneratorGeometryTests {
    let tolerance = 1e-12

    @Test func xorLabelsFollowQuadrants() {
        let dataset = BuiltInDataset.xor.generate(count: 1000, noise: 0, seed: 2)
        for i in 0..<dataset.count {
            let (x, y) = (dataset.feature(i, 0), dataset.feature(i, 1))
            #expect(dataset.labels[i] == (x * y >= 0 ? 1 : 0))
            #expect(abs(x) >= 0.06 && abs(x) <= 1.06 && abs(y) >= 0.06 && abs(y) <= 1.06)
        }
        let counts = dataset.countsPerClass
        #expect(counts[0] > 400 && counts[1] > 400)
    }

    @Test func circleIsADiscInsideARing() {
        let dataset = BuiltInDataset.circle.generate(count: 1000, noise: 0, seed: 2)
        #expect(dataset.countsPerClass == [500, 500])
        for i in 0..<dataset.count {
            let radius = (dataset.feature(i, 0) * dataset.feature(i, 0) + dataset.feature(i, 1) * dataset.feature(i, 1)).squareRoot()
            if dataset.labels[i] == 1 {
                #expect(radius <= 0.5 + tolerance)
            } else {
                #expect(radius >= 0.7 - tolerance && radius <= 1 + tolerance)
            }
        }
    }

    @Test func circleNoiseFlipsSomeLabels() {
        let dataset = BuiltInDataset.circle.generate(count: 1000, noise: 0.5, seed: 2)
        #expect(dataset.countsPerClass != [500, 500])
    }

    @Test func gaussClustersSitAtPlusMinusPointFour() {
        let dataset = BuiltInDataset.gauss.generate(count: 4000, noise: 0, seed: 2)
        var sums = [[0.0, 0.0], [0.0, 0.0]]
        for i in 0..<dataset.count {
            sums[dataset.labels[i]][0] += dataset.feature(i, 0)
            sums[dataset.labels[i]][1] += dataset.feature(i, 1)
        }
        #expect(abs(sums[1][0] / 2000 - 0.4) < 0.01 && abs(sums[1][1] / 2000 - 0.4) < 0.01)
        #expect(abs(sums[0][0] / 2000 + 0.4) < 0.01 && abs(sums[0][1] / 2000 + 0.4) < 0.01)
    }

    @Test(arguments: [BuiltInDataset.spiral, .spiral3])
    func spiralArmsStayInsideTheUnitDisc(generator: BuiltInDataset) {
        let dataset = generator.generate(count: 600, noise: 0, seed: 2)
        for i in 0..<dataset.count {
            let radius = (dataset.feature(i, 0) * dataset.feature(i, 0) + dataset.feature(i, 1) * dataset.feature(i, 1)).squareRoot()
            #expect(radius < 1)
        }
        #expect(dataset.countsPerClass.allSatisfy { $0 == 600 / generator.classCount })
    }

    @Test func moonsMatchMakeMoons() {
        let dataset = BuiltInDataset.moons.generate(count: 200, noise: 0, seed: 2)
        for i in 0..<dataset.count {
            let (x, y) = (dataset.feature(i, 0), dataset.feature(i, 1))
            if dataset.labels[i] == 0 {
                #expect(abs(x * x + y * y - 1) < tolerance && y >= -tolerance)
            } else {
                #expect(abs((x - 1) * (x - 1) + (y - 0.5) * (y - 0.5) - 1) < tolerance && y <= 0.5 + tolerance)
            }
        }
        for end in [[1.0, 0.0], [-1, 0], [0, 0.5], [2, 0.5]] {
            let found = (0..<dataset.count).contains { i in
                abs(dataset.feature(i, 0) - end[0]) < tolerance && abs(dataset.feature(i, 1) - end[1]) < tolerance
            }
            #expect(found, "linspace includes both ends: \(end)")
        }
    }
}
