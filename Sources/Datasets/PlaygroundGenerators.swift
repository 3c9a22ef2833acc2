#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLPEngine

/// TensorFlow Playground's generators (`dataset.ts`), in Playground units, then divided by 5.
///
/// The random draws happen in the same order as in Playground; `Math.random()` becomes
/// `SeededGenerator.nextUnit()`, and Playground's polar-method normal becomes Box–Muller.
enum PlaygroundGenerators {
    /// Playground draws in [-6, 6]²; mlptop divides every coordinate by this to get about [-1, 1]².
    static let scale = 5.0

    /// `size` points uniform in [-5, 5]² pushed 0.3 away from both axes; label 1 where
    /// (x + εx)(y + εy) ≥ 0, with ε uniform in [-5, 5]·noise (the stored point has no noise).
    static func xor(_ size: Int, noise: Double, into samples: inout SampleBuffer, random: inout SeededGenerator) {
        let padding = 0.3
        for _ in 0..<size {
            var x = random.nextUniform(-5, 5)
            x += x > 0 ? padding : -padding
            var y = random.nextUniform(-5, 5)
            y += y > 0 ? padding : -padding
            let noiseX = random.nextUniform(-5, 5) * noise
            let noiseY = random.nextUniform(-5, 5) * noise
            let label = (x + noiseX) * (y + noiseY) >= 0 ? 1 : 0
            samples.append(x / scale, y / scale, label: label)
        }
    }

    /// Label 1: radius uniform in [0, 2.5]; label 0: radius uniform in [3.5, 5]; angle uniform.
    /// The label is then 1 exactly when the point moved by uniform [-5, 5]·noise lies within 2.5.
    static func circle(_ label: Int, size: Int, noise: Double,
                       into samples: inout SampleBuffer, random: inout SeededGenerator) {
        let radius = 5.0
        for _ in 0..<size {
            let r = label == 1 ? random.nextUniform(0, radius * 0.5) : random.nextUniform(radius * 0.7, radius)
            let angle = random.nextUniform(0, 2 * Double.pi)
            let x = r * sin(angle)
            let y = r * cos(angle)
            let noiseX = random.nextUniform(-radius, radius) * noise
            let noiseY = random.nextUniform(-radius, radius) * noise
            let noisyDistance = ((x + noiseX) * (x + noiseX) + (y + noiseY) * (y + noiseY)).squareRoot()
            samples.append(x / scale, y / scale, label: noisyDistance < radius * 0.5 ? 1 : 0)
        }
    }

    /// Normal around (2, 2) for label 1 and (−2, −2) for label 0, variance 0.5 + 7·noise
    /// (Playground's linear map of noise 0...0.5 to variance 0.5...4).
    static func gauss(_ label: Int, size: Int, noise: Double,
                      into samples: inout SampleBuffer, random: inout SeededGenerator) {
        let centre = label == 1 ? 2.0 : -2.0
        let deviation = (0.5 + 7 * noise).squareRoot()
        for _ in 0..<size {
            let x = centre + deviation * random.nextGaussian()
            let y = centre + deviation * random.nextGaussian()
            samples.append(x / scale, y / scale, label: label)
        }
    }

    /// Arm `label` of `arms`: point i of n at r = 5i/n, t = 1.75·2π·i/n + δ, (r sin t, r cos t) plus
    /// uniform [-1, 1]·noise on each coordinate. δ = π for label 0 of two arms (Playground's
    /// negative arm), 0 for label 1; with three arms δ = 2π·label/3.
    static func spiral(_ label: Int, arms: Int, size: Int, noise: Double,
                       into samples: inout SampleBuffer, random: inout SeededGenerator) {
        let delta = arms == 2 ? (label == 0 ? Double.pi : 0) : 2 * Double.pi * Double(label) / Double(arms)
        for i in 0..<size {
            let fraction = Double(i) / Double(size)
            let r = fraction * 5
            let t = 1.75 * fraction * 2 * Double.pi + delta
            let x = r * sin(t) + random.nextUniform(-1, 1) * noise
            let y = r * cos(t) + random.nextUniform(-1, 1) * noise
            samples.append(x / scale, y / scale, label: label)
        }
    }
}
