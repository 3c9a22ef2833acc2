import MLPEngine

/// What a comparison reports about one run: its last epoch, its best train and test losses and
/// when they came, and the first epoch whose train loss reached a target.
///
/// A value fed one `EpochReport` at a time, in epoch order.
public struct RunSummary: Sendable, Equatable {
    /// A loss and the epoch it was measured at.
    public struct Best: Sendable, Equatable {
        public var loss: Double
        public var epoch: Int
    }

    /// The train loss whose first reaching is reported (nil: none).
    public let targetLoss: Double?
    /// The last completed epoch's report.
    public private(set) var latest: EpochReport?
    /// The lowest train loss so far (the earliest epoch on a tie).
    public private(set) var bestTrain: Best?
    /// The lowest test loss so far (nil without a test set).
    public private(set) var bestTest: Best?
    /// The first epoch whose train loss was at or below `targetLoss`.
    public private(set) var targetEpoch: Int?

    /// Whether the run is a regression: its accuracies are R² (`train_r2`, `test_r2` in JSON).
    public var regression = false

    public init(targetLoss: Double? = nil, regression: Bool = false) {
        self.targetLoss = targetLoss
        self.regression = regression
    }

    /// Takes in one epoch's report. O(1).
    public mutating func record(_ report: EpochReport) {
        latest = report
        if report.trainLoss.isFinite, report.trainLoss < bestTrain?.loss ?? .infinity {
            bestTrain = Best(loss: report.trainLoss, epoch: report.epoch)
        }
        if let test = report.testLoss, test.isFinite, test < bestTest?.loss ?? .infinity {
            bestTest = Best(loss: test, epoch: report.epoch)
        }
        if targetEpoch == nil, let targetLoss, report.trainLoss <= targetLoss {
            targetEpoch = report.epoch
        }
    }

    /// `final`, `best` and `target_epoch` members for a summary file (losses that are not
    /// finite, and what does not exist, are `null`; the target itself is the file's to state).
    public var jsonMembers: [(key: String, value: JSONValue)] {
        func number(_ x: Double?) -> JSONValue { x.map(JSONValue.measurement) ?? .null }
        func epoch(_ x: Int?) -> JSONValue { x.map(JSONValue.number) ?? .null }
        return [
            ("final", .object([
                ("epoch", epoch(latest?.epoch)),
                ("train_loss", number(latest?.trainLoss)), ("test_loss", number(latest?.testLoss)),
                (regression ? "train_r2" : "train_accuracy", number(latest?.trainAccuracy)),
                (regression ? "test_r2" : "test_accuracy", number(latest?.testAccuracy)),
            ])),
            ("best", .object([
                ("train_loss", number(bestTrain?.loss)), ("train_loss_epoch", epoch(bestTrain?.epoch)),
                ("test_loss", number(bestTest?.loss)), ("test_loss_epoch", epoch(bestTest?.epoch)),
            ])),
            ("target_epoch", epoch(targetEpoch)),
        ]
    }
}
