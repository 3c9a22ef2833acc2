import CVectorMath
import Dispatch
import Foundation
import MLPEngine
import Testing

/// The vector kernels choose their instruction set at the first call and cache the choice. The
/// trainer's shards (and two trainers side by side) make that first call from several threads at
/// once, so the cache must be race-free. CI runs this suite under ThreadSanitizer, which reports
/// an unsynchronised cache here.
@Suite struct VectorMathConcurrencyTests {
    @Test func firstCallsFromManyThreadsAgreeAndDoNotRace() {
        let count = 37  // not a multiple of any vector width: the scalar tail runs too
        let input = (0..<count).map { Double($0) / 7 - 2.5 }
        let expected = [input.map { Foundation.exp($0) }, input.map { Foundation.tanh($0) }]
        let threadCount = 4
        let mismatches = MismatchCounts(threadCount)
        for _ in 0..<5 {
            mlptop_vector_forget_cpu_level()
            // Separate threads released together: nothing orders their first calls.
            let start = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
            for index in 0..<threadCount {
                Thread {
                    start.wait()
                    var output = [Double](repeating: 0, count: count)
                    input.withUnsafeBufferPointer { x in
                        output.withUnsafeMutableBufferPointer { y in
                            if index.isMultiple(of: 2) {
                                VectorMath.exp(x.baseAddress!, into: y.baseAddress!, count: count)
                            } else {
                                VectorMath.tanh(x.baseAddress!, into: y.baseAddress!, count: count)
                            }
                        }
                    }
                    let reference = expected[index % 2]
                    let wrong = zip(output, reference).filter { abs($0 - $1) > 1e-14 * max(1, abs($1)) }.count
                    mismatches.add(wrong, thread: index)
                    done.signal()
                }.start()
            }
            for _ in 0..<threadCount { start.signal() }
            for _ in 0..<threadCount { done.wait() }
        }
        #expect(mismatches.total == 0)
    }
}

/// Per-thread mismatch counts, behind a lock.
private final class MismatchCounts: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [Int]
    init(_ threads: Int) { counts = Array(repeating: 0, count: threads) }
    func add(_ count: Int, thread: Int) { lock.withLock { counts[thread] += count } }
    var total: Int { lock.withLock { counts.reduce(0, +) } }
}
