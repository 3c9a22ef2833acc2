import Datasets
import Testing

@Suite("Built-in generators")
struct BuiltInDatasetTests {
    /// Fixed-seed fingerprints: default count and noise with seed 1, and count 200, noise 0.2, seed 7.
    static let fingerprints: [(BuiltInDataset, first: [Double], labels: [Int], defaults: UInt64, noisy: UInt64)] = [
        (.xor, [0.47044323129721716, -0.4581165814789118, 0.18107356176341108, 0.32147143914572995,
                -0.4947600653661718, -0.6208425450490932], [0, 1, 1], 1512362677350193391, 15951889396416633823),
        (.circle, [0.33470221463707195, -0.11094507339917296, -0.2051915675687665, -0.19091042737100195,
                   0.13873642141972228, 0.026846170177562002], [1, 1, 1], 15780557530930594422, 12651092739117173416),
        (.gauss, [0.33045038611115535, 0.37132071165652036, 0.2764693879079884, 0.24873084653907532,
                  0.4218980942515779, 0.24832590456152728], [1, 1, 1], 7618538471582257171, 11549836462371178098),
        (.spiral, [-0.16519583262311666, 0.07148662031426038, -0.0010973431109104496, -0.009939609554551799,
                   0.7149779477160245, -0.005615539135428035], [0, 0, 1], 6727539718303173487, 10923931606560038588),
        (.spiral3, [0.456528701516919, 0.17799310293175952, 0.23321794739882784, 0.1549496337881364,
                    0.5316798856727213, -0.5843085650331014], [1, 2, 0], 5944040187448347074, 10390578045170467322),
        (.moons, [1.9503225855164654, 0.4481521309679102, 0.03003269093706676, -0.07705440263257135,
                  0.9602582598358448, -0.6057236596352584], [1, 1, 1], 16666072780085275114, 8651601259061607332),
    ]

    @Test("a fixed seed gives fixed data", arguments: 0..<6)
    func fixedSeedFingerprint(index: Int) {
        let (generator, first, labels, defaults, noisy) = Self.fingerprints[index]
        let dataset = generator.generate(count: generator.defaultCount, noise: generator.defaultNoise, seed: 1)
        #expect(Array(dataset.features[0..<6]) == first)
        #expect(Array(dataset.labels[0..<3]) == labels)
        #expect(fingerprint(dataset) == defaults)
        #expect(fingerprint(generator.generate(count: 200, noise: 0.2, seed: 7)) == noisy)
    }

    @Test("names, defaults and shape", arguments: BuiltInDataset.allCases)
    func shape(generator: BuiltInDataset) {
        #expect(BuiltInDataset.named(generator.name) == generator)
        #expect(BuiltInDataset.named(generator.name.uppercased()) == generator)
        let dataset = generator.generate(count: 301, noise: 0.1, seed: 3)
        #expect(dataset.name == generator.name)
        #expect(dataset.featureNames == ["x1", "x2"])
        #expect(dataset.count == 301)
        #expect(dataset.classCount == generator.classCount)
        if generator.task == .regression {
            #expect(dataset.isRegression && dataset.targets.allSatisfy { $0.isFinite && abs($0) <= 1.2 + 1e-12 })
            #expect(Set(dataset.targets).count > 100, "real values, not a handful of classes")
        } else {
            #expect(dataset.labels.allSatisfy { (0..<generator.classCount).contains($0) })
        }
        #expect(dataset.features.allSatisfy { $0.isFinite })
    }

    @Test("same seed same data, other seed other data", arguments: BuiltInDataset.allCases)
    func determinism(generator: BuiltInDataset) {
        let first = generator.generate(count: 100, noise: 0.1, seed: 42)
        #expect(first == generator.generate(count: 100, noise: 0.1, seed: 42))
        #expect(first != generator.generate(count: 100, noise: 0.1, seed: 43))
    }

    @Test("classes are balanced and shuffled", arguments: [BuiltInDataset.circle, .gauss, .spiral, .spiral3, .moons])
    func balancedAndShuffled(generator: BuiltInDataset) {
        let dataset = generator.generate(count: 301, noise: 0, seed: 5)
        let expected = generator.classCount == 3 ? [101, 100, 100] : [151, 150]
        #expect(dataset.countsPerClass == expected)
        let firstHalf = Set(dataset.labels[0..<150])
        #expect(firstHalf.count == generator.classCount, "the first half holds every class")
    }

    @Test func unknownNameIsNil() {
        #expect(BuiltInDataset.named("circles") == nil)
        #expect(BuiltInDataset.named("") == nil)
        #expect(BuiltInDataset.namesList == "xor, circle, gauss, spiral, spiral3, moons, plane, multigauss")
    }

    @Test func emptyCountGivesEmptyDataset() {
        let dataset = BuiltInDataset.moons.generate(count: 0, noise: 0.1, seed: 1)
        #expect(dataset.count == 0 && dataset.features.isEmpty && dataset.classCount == 2)
    }
}
