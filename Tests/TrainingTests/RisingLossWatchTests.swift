import Testing
@testable import Training

struct RisingLossWatchTests {
    @Test func aFallingLossNeverWarns() {
        var watch = RisingLossWatch()
        for epoch in 1...1_000 {
            // Noisy but falling, with spikes of up to 3× the current level.
            let loss = 0.7 / Double(epoch) * (epoch.isMultiple(of: 7) ? 3 : 1)
            #expect(watch.check(loss: loss, epoch: epoch, learningRate: 0.1) == nil)
        }
    }

    @Test func aClimbWarnsOnceThenAgainAfterARecovery() {
        var watch = RisingLossWatch()
        #expect(watch.check(loss: 0.69, epoch: 1, learningRate: 50) == nil)
        #expect(watch.check(loss: 0.5, epoch: 2, learningRate: 50) == nil)
        #expect(watch.check(loss: 25, epoch: 3, learningRate: 50)
            == "loss 25 at epoch 3 is far above its start (0.69) and best (0.5): lr 50 may be too high")
        #expect(watch.check(loss: 180, epoch: 4, learningRate: 50) == nil, "said once per climb")
        #expect(watch.check(loss: 0.9, epoch: 5, learningRate: 0.1) == nil, "back near the best: re-armed")
        #expect(watch.check(loss: 40, epoch: 6, learningRate: 0.1) != nil)
        watch.reset()
        #expect(watch.first == nil)
        #expect(watch.check(loss: 40, epoch: 1, learningRate: 0.1) == nil, "a reset starts the watch again")
    }

    @Test func aLossStuckHighAfterTheStartWarns() {
        // Dead ReLUs: from 0.71 to a constant 5.17.
        var watch = RisingLossWatch()
        _ = watch.check(loss: 0.7083, epoch: 1, learningRate: 50)
        #expect(watch.check(loss: 5.17, epoch: 2, learningRate: 50) != nil)
    }
}
