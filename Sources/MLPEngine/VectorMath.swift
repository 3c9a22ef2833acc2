import Foundation

/// Element-wise transcendental functions over contiguous buffers.
///
/// One place for the hot loops, so a faster kernel can replace the scalar libm call without
/// touching the layers.
public enum VectorMath {
    /// `y[i] = tanh(x[i])` for `i < count`. `x` and `y` may be the same buffer.
    @inlinable
    public static func tanh(_ x: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>, count: Int) {
        for i in 0..<count { y[i] = Foundation.tanh(x[i]) }
    }
}
