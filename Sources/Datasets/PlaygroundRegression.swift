#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLPEngine

/// TensorFlow Playground's two regression problems (`regressPlane`, `regressGaussian` in
/// `dataset.ts`): points uniform in [-6, 6]², the target computed at the point moved by uniform
/// [-6, 6]·noise on each coordinate, coordinates then divided by `PlaygroundGenerators.scale`.
/// The draws happen in Playground's order: x, y, noise x, noise y.
enum PlaygroundRegression {
    static let radius = 6.0

    /// The six Gaussian bumps of `regressGaussian`: centre and sign.
    static let bumps: [(x: Double, y: Double, sign: Double)] = [
        (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
    ]

    /// `plane`: y = (x₁ + x₂)/10, in [-1.2, 1.2] before noise (Playground's linear map of
    /// −10…10 to −1…1, unclamped).
    static func plane(_ x: Double, _ y: Double) -> Double { (x + y) / 10 }

    /// `multigauss`: among the six bumps, the value sign·max(0, 1 − d/2) (d the distance to the
    /// bump's centre) largest in magnitude; 0 away from every bump.
    static func gaussians(_ x: Double, _ y: Double) -> Double {
        var label = 0.0
        for bump in bumps {
            let d = ((x - bump.x) * (x - bump.x) + (y - bump.y) * (y - bump.y)).squareRoot()
            let value = bump.sign * min(1, max(0, 1 - d / 2))
            if abs(value) > abs(label) { label = value }
        }
        return label
    }

    /// `count` samples of `target` with features `x1, x2` and their targets.
    static func generate(_ count: Int, noise: Double, random: inout SeededGenerator,
                         target: (Double, Double) -> Double) -> (features: [Double], targets: [Double]) {
        var features: [Double] = [], targets: [Double] = []
        features.reserveCapacity(2 * count)
        targets.reserveCapacity(count)
        for _ in 0..<count {
            let x = random.nextUniform(-radius, radius)
            let y = random.nextUniform(-radius, radius)
            let noiseX = random.nextUniform(-radius, radius) * noise
            let noiseY = random.nextUniform(-radius, radius) * noise
            features.append(x / PlaygroundGenerators.scale)
            features.append(y / PlaygroundGenerators.scale)
            targets.append(target(x + noiseX, y + noiseY))
        }
        return (features, targets)
    }
}
