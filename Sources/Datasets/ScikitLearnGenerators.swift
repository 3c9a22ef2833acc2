#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLPEngine

/// scikit-learn's generators, in scikit-learn's units.
enum ScikitLearnGenerators {
    /// `make_moons`: label 0 is the upper half-circle (cos θ, sin θ), label 1 the lower one
    /// (1 − cos θ, 0.5 − sin θ), θ evenly spaced over [0, π] including both ends (`linspace`),
    /// plus Gaussian noise of standard deviation `noise` on each coordinate.
    static func moon(_ label: Int, size: Int, noise: Double,
                     into samples: inout SampleBuffer, random: inout SeededGenerator) {
        for i in 0..<size {
            let theta = size > 1 ? Double.pi * Double(i) / Double(size - 1) : 0
            var x = label == 0 ? cos(theta) : 1 - cos(theta)
            var y = label == 0 ? sin(theta) : 1 - sin(theta) - 0.5
            if noise > 0 {
                x += noise * random.nextGaussian()
                y += noise * random.nextGaussian()
            }
            samples.append(x, y, label: label)
        }
    }
}
