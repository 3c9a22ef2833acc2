import MLPEngine

/// The classic 2-D classification problems, generated from a seed.
///
/// `xor`, `circle`, `gauss` and `spiral` follow TensorFlow Playground's `dataset.ts`, with every
/// coordinate divided by 5 so the data lies in about [-1, 1]² (Playground draws in [-6, 6]²);
/// `noise` means what Playground's slider means divided by 100 (0...0.5), in Playground units.
/// `spiral3` is Playground's spiral with three arms 120° apart. `moons` is scikit-learn's
/// `make_moons` in its own units (x in [-1, 2], y in [-0.5, 1]), `noise` the Gaussian σ.
/// `datasets/README.md` gives each definition in full. The same seed, count and noise give the
/// same data, bit for bit, on any machine whose libm rounds `sin`, `cos`, `log` and `sqrt` alike.
public enum BuiltInDataset: String, CaseIterable, Sendable {
    /// Four quadrants; label 1 where x1·x2 ≥ 0.
    case xor
    /// A disc (label 1) inside a ring (label 0).
    case circle
    /// Two Gaussian clusters around (0.4, 0.4) (label 1) and (−0.4, −0.4) (label 0).
    case gauss
    /// Two interleaved spiral arms.
    case spiral
    /// Three interleaved spiral arms, three classes.
    case spiral3
    /// Two interleaving half-circles, as scikit-learn's `make_moons`.
    case moons
    /// Regression: target (x1 + x2)/2 over the plane, Playground's (x + y)/10 (`regressPlane`).
    case plane
    /// Regression: six Gaussian bumps of sign ±1 (Playground's `regressGaussian`).
    case multigauss

    /// The generator called `name` (case-insensitive), or nil.
    public static func named(_ name: String) -> BuiltInDataset? {
        BuiltInDataset(rawValue: name.lowercased())
    }

    /// Every generator's name, comma-separated, for help and error messages.
    public static var namesList: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The generator's name, as typed on the command line.
    public var name: String { rawValue }

    /// The number of classes the generator produces (1 for a regression problem).
    public var classCount: Int {
        switch self {
        case .spiral3: 3
        case .plane, .multigauss: 1
        default: 2
        }
    }

    /// Whether the generator makes real-valued targets rather than classes.
    public var task: LearningTask { self == .plane || self == .multigauss ? .regression : .classification }

    /// The number of samples generated when none is asked for.
    public var defaultCount: Int { self == .spiral3 ? 300 : 400 }

    /// The noise level used when none is asked for.
    public var defaultNoise: Double {
        switch self {
        case .xor, .circle, .gauss, .spiral, .spiral3, .plane, .multigauss: 0
        case .moons: 0.1
        }
    }

    /// A one-line description for help text.
    public var summary: String {
        switch self {
        case .xor: "four quadrants, label = sign of x1·x2 (Playground)"
        case .circle: "a disc inside a ring (Playground)"
        case .gauss: "two Gaussian clusters (Playground)"
        case .spiral: "two interleaved spiral arms (Playground)"
        case .spiral3: "three interleaved spiral arms, three classes"
        case .moons: "two interleaving half-circles (scikit-learn make_moons)"
        case .plane: "regression: target (x1 + x2)/2 over the plane (Playground)"
        case .multigauss: "regression: six Gaussian bumps of target +1 or -1 (Playground)"
        }
    }

    /// `count` samples with features `x1, x2`, shuffled with the seed. `count ≥ 0`, `noise ≥ 0`.
    ///
    /// Class c gets ⌊count/K⌋ samples, the first `count mod K` classes one more (`xor` labels by
    /// quadrant, and noise can move a `circle` or `xor` label across the boundary as Playground
    /// does). O(count).
    public func generate(count: Int, noise: Double, seed: UInt64) -> Dataset {
        precondition(count >= 0, "count must not be negative")
        precondition(noise >= 0 && noise.isFinite, "noise must be finite and not negative")
        var random = SeededGenerator(seed: seed)
        if task == .regression {
            let made = PlaygroundRegression.generate(count, noise: noise, random: &random,
                                                     target: self == .plane ? PlaygroundRegression.plane
                                                         : PlaygroundRegression.gaussians)
            return Dataset(name: name, featureNames: ["x1", "x2"], features: made.features, targets: made.targets)
        }
        var samples = SampleBuffer(capacity: count)
        if self == .xor {
            PlaygroundGenerators.xor(count, noise: noise, into: &samples, random: &random)
        } else {
            for label in 0..<classCount {
                let classSize = count / classCount + (label < count % classCount ? 1 : 0)
                generateClass(label, size: classSize, noise: noise, into: &samples, random: &random)
            }
        }
        samples.shuffle(using: &random)
        return Dataset(name: name, featureNames: ["x1", "x2"], features: samples.features,
                       labels: samples.labels, classCount: classCount)
    }

    private func generateClass(_ label: Int, size: Int, noise: Double,
                               into samples: inout SampleBuffer, random: inout SeededGenerator) {
        switch self {
        case .xor, .plane, .multigauss: break
        case .circle: PlaygroundGenerators.circle(label, size: size, noise: noise, into: &samples, random: &random)
        case .gauss: PlaygroundGenerators.gauss(label, size: size, noise: noise, into: &samples, random: &random)
        case .spiral, .spiral3:
            PlaygroundGenerators.spiral(label, arms: classCount, size: size, noise: noise,
                                        into: &samples, random: &random)
        case .moons: ScikitLearnGenerators.moon(label, size: size, noise: noise, into: &samples, random: &random)
        }
    }
}
