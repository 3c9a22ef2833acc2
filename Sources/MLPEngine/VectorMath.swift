import CVectorMath

/// Element-wise transcendental functions over contiguous buffers.
///
/// One place for the hot loops. `tanh` is mlptop's own kernel (`tanh.c`): within 3 ulp and the
/// same bits on every CPU with FMA, 1.5 ns an element with AVX2 + FMA. `exp` (and σ from it) go to glibc's
/// SIMD math library (4 doubles per call with AVX2), accurate to 4 ulp.
public enum VectorMath {
    /// `y[i] = tanh(x[i])` for `i < count`, within 3 ulp, the same bits on every CPU with FMA.
    /// `x` and `y` may be the same buffer.
    @inlinable
    public static func tanh(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        mlptop_vector_tanh(x, y, count)
    }

    /// `y[i] = exp(x[i])` for `i < count`. `x` and `y` may be the same buffer.
    @inlinable
    public static func exp(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        mlptop_vector_exp(x, y, count)
    }

    /// `y[i] = σ(x[i])`, stable for both signs: with e = exp(−|x|), σ = 1/(1+e) for x ≥ 0 and
    /// e/(1+e) below, so `exp` never overflows. One pass; the same bits as `exp` over −|x|
    /// followed by that division. `x` and `y` must not overlap unless identical.
    @inlinable
    public static func sigmoid(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        mlptop_vector_sigmoid(x, y, count)
    }
}
