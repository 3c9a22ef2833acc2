import Foundation
import Glibc
import Synchronization
import Testing
@testable import Training

struct WorkerPoolTests {
    /// Runs `jobs` jobs of 1…8 iterations and checks that every index ran exactly once.
    func runJobs(_ pool: WorkerPool, jobs: Int, pause: UInt32 = 0) -> Bool {
        var counts = [Int](repeating: 0, count: 8)
        for job in 0..<jobs {
            let iterations = 1 + job % 8
            counts.withUnsafeMutableBufferPointer { c in
                c.update(repeating: 0)
                nonisolated(unsafe) let slots = c.baseAddress!
                pool.run(iterations: iterations) { i in
                    if pause > 0 { usleep(pause) }
                    slots[i] += 1
                }
            }
            if counts != (0..<8).map({ $0 < iterations ? 1 : 0 }) { return false }
        }
        return true
    }

    @Test(arguments: [0, 1, 3])
    func everyIndexRunsExactlyOnce(workers: Int) {
        let pool = WorkerPool(workers: workers)
        #expect(runJobs(pool, jobs: 3_000))
    }

    /// The workers really take part: with indices that take a while, some run off the caller.
    @Test func workersShareTheJobs() {
        let pool = WorkerPool(workers: 1)
        let caller = pthread_self()
        let elsewhere = Atomic<Int>(0)
        for _ in 0..<50 {
            pool.run(iterations: 2) { _ in
                usleep(200)
                if pthread_equal(pthread_self(), caller) == 0 { elsewhere.wrappingAdd(1, ordering: .relaxed) }
            }
        }
        #expect(elsewhere.load(ordering: .relaxed) > 0)
    }

    /// A job that comes after the workers went to sleep wakes them (some of its indices run off
    /// the caller's thread), and still runs every index once.
    @Test func sleepingWorkersWakeForTheNextJob() {
        let pool = WorkerPool(workers: 2)
        let caller = pthread_self()
        for _ in 0..<5 {
            var waited = 0
            while pool.shared.sleepers.load(ordering: .sequentiallyConsistent) < 2 && waited < 2_000 {
                usleep(1_000)
                waited += 1
            }
            #expect(pool.shared.sleepers.load(ordering: .sequentiallyConsistent) == 2)
            let elsewhere = Atomic<Int>(0)
            pool.run(iterations: 3) { _ in
                usleep(5_000)
                if pthread_equal(pthread_self(), caller) == 0 { elsewhere.wrappingAdd(1, ordering: .relaxed) }
            }
            #expect(elsewhere.load(ordering: .relaxed) > 0)
            #expect(runJobs(pool, jobs: 20, pause: 50))
        }
    }

    /// Dropping the pool ends its threads.
    @Test func droppingThePoolEndsItsWorkers() {
        var pool: WorkerPool? = WorkerPool(workers: 3)
        #expect(runJobs(pool!, jobs: 10))
        let shared = pool!.shared
        var waited = 0
        while shared.running.load(ordering: .sequentiallyConsistent) < 3 && waited < 2_000 { usleep(1_000); waited += 1 }
        #expect(shared.running.load(ordering: .sequentiallyConsistent) == 3)
        pool = nil
        waited = 0
        while shared.running.load(ordering: .sequentiallyConsistent) > 0 && waited < 2_000 { usleep(1_000); waited += 1 }
        #expect(shared.running.load(ordering: .sequentiallyConsistent) == 0)
    }
}
