import MLPEngine

extension RunConfiguration {
    /// The most samples a built-in generator makes.
    public static let maximumSamples = 10_000_000
    /// The most parameters (weights and biases) a network may have.
    public static let maximumParameters = 50_000_000

    /// Checks every setting's range; the error names the flag, e.g. `--lr must be a positive
    /// number, not -1.0` (status 64). Used for command-line flags and for a snapshot's run.json.
    public func validate() throws(RunSetupError) {
        func fail(_ message: String) -> RunSetupError { RunSetupError(message, exitStatus: 64) }
        if let n = sampleCount, !(2...Self.maximumSamples).contains(n) {
            throw fail("--n must be between 2 and \(Self.maximumSamples), not \(n)")
        }
        if let noise, !(noise >= 0 && noise <= 100) { throw fail("--noise must be between 0 and 100, not \(noise)") }
        if let bad = hiddenSizes.first(where: { !(1...100_000).contains($0) }) {
            throw fail("--hidden: \"\(bad)\" is not a layer size (a whole number from 1 to 100000)")
        }
        if let features, features.contains(where: \.isEmpty) { throw fail("--features: an empty feature name") }
        let o = optimizer
        if !(o.learningRate > 0 && o.learningRate.isFinite) { throw fail("--lr must be a positive number, not \(o.learningRate)") }
        if !(o.momentum >= 0 && o.momentum < 1) { throw fail("--momentum must be in [0, 1), not \(o.momentum)") }
        if !(o.beta1 >= 0 && o.beta1 < 1) { throw fail("--beta1 must be in [0, 1), not \(o.beta1)") }
        if !(o.beta2 >= 0 && o.beta2 < 1) { throw fail("--beta2 must be in [0, 1), not \(o.beta2)") }
        if !(o.epsilon > 0 && o.epsilon.isFinite) { throw fail("--eps must be a positive number, not \(o.epsilon)") }
        if !(o.weightDecay >= 0 && o.weightDecay.isFinite) { throw fail("--weight-decay must be 0 or more, not \(o.weightDecay)") }
        if !(o.l1 >= 0 && o.l1.isFinite) { throw fail("--l1 must be 0 or more, not \(o.l1)") }
        if case .samples(let n)? = batch, n < 1 { throw fail("--batch must be a positive whole number or 'full', not \"\(n)\"") }
        if epochs < 0 { throw fail("--epochs must be 0 (until stopped) or more, not \(epochs)") }
        if !(testFraction >= 0 && testFraction < 1) { throw fail("--test-fraction must be in [0, 1), not \(testFraction)") }
        if !(1...256).contains(threads) { throw fail("--threads must be between 1 and 256, not \(threads)") }
    }

    /// Checks that a network of `sizes` stays within `maximumParameters`.
    static func checkSize(_ sizes: [Int]) throws(RunSetupError) {
        var count = 0
        for i in 0..<(sizes.count - 1) {
            let (product, o1) = sizes[i].multipliedReportingOverflow(by: sizes[i + 1])
            let (sum, o2) = count.addingReportingOverflow(product + sizes[i + 1])
            count = sum
            if o1 || o2 || count > maximumParameters {
                throw RunSetupError("--hidden \(sizes.dropFirst().dropLast().map(String.init).joined(separator: ",")): "
                                    + "the network would have more than \(maximumParameters) parameters", exitStatus: 64)
            }
        }
    }
}
