import Dispatch
import Foundation
import Testing
@testable import Training

/// The FIFO gate runs share: never more than its width at once, first come first served, and a
/// lease that holds slots across epochs.
struct CoreShareTests {
    /// Counts the weight in flight and remembers the most seen.
    final class InFlight: Sendable {
        private let counts = LockedValue((now: 0, most: 0))
        func enter(_ weight: Int) { counts.withLock { $0.now += weight; $0.most = max($0.most, $0.now) } }
        func leave(_ weight: Int) { counts.withLock { $0.now -= weight } }
        var most: Int { counts.withLock { $0.most } }
    }

    @Test func neverMoreThanItsWidthAtOnceWhateverTheWeights() {
        let share = CoreShare(width: 3)
        let inFlight = InFlight()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            let weight = thread % 3 == 0 ? 2 : 1
            for _ in 0..<200 {
                share.withSlot(weight: weight) {
                    inFlight.enter(weight)
                    usleep(20)
                    inFlight.leave(weight)
                }
            }
        }
        #expect(inFlight.most <= 3)
        // A weight above the width is clamped, not stuck forever.
        #expect(share.withSlot(weight: 10) { 42 } == 42)
    }

    @Test func submittedWorkStartsInArrivalOrder() {
        let share = CoreShare(width: 1)
        let order = LockedValue<[Int]>([])
        let done = DispatchGroup()
        share.withSlot {
            for index in 0..<100 {
                done.enter()
                share.submit {
                    order.withLock { $0.append(index) }
                    done.leave()
                }
            }
        }
        #expect(done.wait(timeout: .now() + 30) == .success)
        #expect(order.withLock { $0 } == Array(0..<100))
    }

    @Test func sixLoopsWithLeasesShareTwoSlotsAndEachEqualsItsRunAlone() {
        let share = CoreShare(width: 2)
        let inFlight = InFlight()
        let results = LockedValue([RunGroupTests.RunBits?](repeating: nil, count: 6))
        let loops = DispatchGroup()
        // Six threads of their own (concurrentPerform would run only as many as there are cores).
        for index in 0..<6 {
            DispatchQueue(label: "lease-\(index)").async(group: loops) {
                Self.trainWithLease(index, share: share, inFlight: inFlight, results: results)
            }
        }
        #expect(loops.wait(timeout: .now() + 120) == .success)
        #expect(inFlight.most <= 2)
        #expect(results.withLock { $0 } == RunGroupTests.alone().map(Optional.some))
    }

    static func trainWithLease(
        _ index: Int, share: CoreShare, inFlight: InFlight, results: LockedValue<[RunGroupTests.RunBits?]>
    ) {
        let run = RunGroupTests.makeRun(index)
        let lease = CoreShare.Lease(share: share, weight: 1, quantum: index % 2 == 0 ? 0 : 0.001)
        for epoch in 0..<RunGroupTests.epochs {
            lease.run {
                inFlight.enter(1)
                _ = run.runEpoch()
                inFlight.leave(1)
            }
            // An idle moment now and then: the loop lets its slot go.
            if epoch % 40 == 39 { lease.release() }
        }
        lease.release()
        let bits = RunGroupTests.RunBits(run)
        results.withLock { $0[index] = bits }
    }
}
