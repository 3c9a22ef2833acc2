import COpenBLAS

/// The three matrix products of a dense layer, on row-major blocks.
///
/// Large products go to OpenBLAS `cblas_dgemm`; small ones (where a BLAS call costs more than the
/// arithmetic) run as plain loops whose inner loop is contiguous and vectorises.
enum MatrixProduct {
    /// Products with fewer multiply-adds than this run as Swift loops.
    static let blasThreshold = 32 * 32 * 32

    /// Sets OpenBLAS to one thread unless it already is. The trainer runs its own shards on every
    /// core; OpenBLAS threads inside each shard's products would oversubscribe the cores (measured:
    /// a 2-256-256-2 net on 4,000 samples trained 3× slower on 2 threads without the pin).
    /// Results do not depend on it (checked: the same model file, bit for bit, with 1 or 2 threads).
    static func pinBLASToOneThread() {
        if openblas_get_num_threads() != 1 { openblas_set_num_threads(1) }
    }

    /// C (m×n) = A (m×k) · B (k×n) + C: the forward product Z = W·A (+ Z already holding b).
    @inline(__always)
    static func multiplyAdd(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        m: Int, n: Int, k: Int
    ) {
        if m * n * k >= blasThreshold && k >= 8 {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                        1, a, Int32(k), b, Int32(n), 1, c, Int32(n))
            return
        }
        for i in 0..<m {
            let cRow = c + i * n
            for p in 0..<k {
                let scale = a[i * k + p]
                let bRow = b + p * n
                for j in 0..<n { cRow[j] += scale * bRow[j] }
            }
        }
    }

    /// C (m×n) += A (m×k) · Bᵀ where B is n×k: the weight gradient dW += δ·aᵀ.
    @inline(__always)
    static func multiplyAddTransposedB(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        m: Int, n: Int, k: Int
    ) {
        if m * n * k >= blasThreshold && m >= 8 && n >= 8 {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k),
                        1, a, Int32(k), b, Int32(k), 1, c, Int32(n))
            return
        }
        for i in 0..<m {
            let aRow = a + i * k
            for j in 0..<n {
                c[i * n + j] += dot(aRow, b + j * k, count: k)
            }
        }
    }

    /// C (m×n) = Aᵀ · B where A is k×m and B is k×n: the backward product dA = Wᵀ·δ.
    @inline(__always)
    static func multiplyTransposedA(
        _ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, into c: UnsafeMutablePointer<Double>,
        m: Int, n: Int, k: Int
    ) {
        if m * n * k >= blasThreshold && k >= 8 {
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                        1, a, Int32(m), b, Int32(n), 0, c, Int32(n))
            return
        }
        c.update(repeating: 0, count: m * n)
        for p in 0..<k {
            let bRow = b + p * n
            for i in 0..<m {
                let scale = a[p * m + i]
                let cRow = c + i * n
                for j in 0..<n { cRow[j] += scale * bRow[j] }
            }
        }
    }

    /// Σ x[i]·y[i] with four independent accumulators, so the loop pipelines and vectorises.
    @inline(__always)
    static func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = 0
        while i + 4 <= count {
            s0 += x[i] * y[i]
            s1 += x[i + 1] * y[i + 1]
            s2 += x[i + 2] * y[i + 2]
            s3 += x[i + 3] * y[i + 3]
            i += 4
        }
        while i < count {
            s0 += x[i] * y[i]
            i += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}
