/// How a real-valued regression target travels through the engine's passes.
///
/// Every pass carries one machine word per sample beside its inputs (the `labels` of workspaces,
/// shuffles, shards and splits). A classification sample's word is its class; a regression
/// sample's word is its target's IEEE-754 bit pattern. Real targets so take the same path as
/// classes without a second buffer in the kernels, and `Loss.squaredError` reads them back
/// exactly (the round trip is the identity on every `Double`, NaN payloads included).
public enum RegressionTarget {
    /// The word that carries `target`.
    @inlinable
    public static func word(_ target: Double) -> Int { Int(truncatingIfNeeded: target.bitPattern) }

    /// The target carried by `word`.
    @inlinable
    public static func value(_ word: Int) -> Double { Double(bitPattern: UInt64(truncatingIfNeeded: word)) }
}
