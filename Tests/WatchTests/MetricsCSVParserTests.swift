import Testing
@testable import Watch

@Suite struct MetricsCSVParserTests {
    func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func readsLightningRowsWithEmptyCells() throws {
        var parser = MetricsCSVParser()
        try parser.readHeader(bytes("epoch,step,train_loss,val_loss,val_acc,lr-SGD,\"my, metric\""))
        #expect(parser.columns == ["epoch", "step", "train_loss", "val_loss", "val_acc", "lr-SGD", "my, metric"])
        let stepRow = try parser.record(bytes("0,49,0.75,,,0.1,"))
        #expect(stepRow == WatchRecord(epoch: 0, step: 49, trainLoss: 0.75, learningRate: 0.1))
        let epochRow = try parser.record(bytes("0,99,,0.5,0.875,,\"2\""))
        #expect(epochRow == WatchRecord(epoch: 0, step: 99, testLoss: 0.5, testAccuracy: 0.875,
                                        extras: [.init(name: "my, metric", value: 2)]))
        #expect(try parser.record(bytes("1,100,,,,,")) == nil)
    }

    @Test func aStepOnlyLogUsesTheStep() throws {
        var parser = MetricsCSVParser()
        try parser.readHeader(bytes("step,loss"))
        #expect(try parser.record(bytes("300,0.25")) == WatchRecord(epoch: 300, step: 300, trainLoss: 0.25))
    }

    @Test(arguments: [
        ("epoch,loss", "1,0.5,7", "3 cells, but the header has 2"),
        ("epoch,loss", "1,abc", "column \"loss\": \"abc\" is not a number"),
        ("epoch,loss", "1.5,0.2", "column \"epoch\": 1.5 is not a whole number"),
        ("epoch,loss", "1,\"0.2", "a quoted cell is not closed"),
        ("epoch,val_acc", "1,87.5", "column \"val_acc\": 87.5 is outside 0…1 (an accuracy is a fraction)"),
        ("epoch,train_accuracy", "1,-0.25", "column \"train_accuracy\": -0.25 is outside 0…1 (an accuracy is a fraction)"),
    ])
    func badRowsSayWhy(header: String, row: String, reason: String) throws {
        var parser = MetricsCSVParser()
        try parser.readHeader(bytes(header))
        #expect(throws: WatchLineParser.Failure(reason: reason)) { try parser.record(bytes(row)) }
    }

    @Test func aHeaderWithoutEpochOrStepIsRefused() {
        var parser = MetricsCSVParser()
        #expect(throws: WatchLineParser.Failure(reason: "the header has no \"epoch\" or \"step\" column")) {
            try parser.readHeader(bytes("loss,acc"))
        }
        #expect(!parser.hasHeader)
    }

    @Test(arguments: [
        ("train_loss", "train_loss"), ("val_loss", "test_loss"), ("loss/train", "train_loss"),
        ("Loss/val", "test_loss"), ("valid/loss", "test_loss"), ("loss", "train_loss"), ("test_acc", "test_accuracy"),
        ("train/accuracy", "train_accuracy"), ("val_acc", "test_accuracy"), ("lr-Adam", "lr"), ("learning_rate", "lr"),
        ("f1", "f1"), ("grad_norm", "grad_norm"),
    ])
    func namesMapOntoTheProtocol(name: String, canonical: String) {
        #expect(MetricName.canonical(name) == canonical)
    }

    @Test func aTensorBoardRunFolderNamesTheSet() {
        #expect(MetricName.canonical("loss", folder: "val/") == "test_loss")
        #expect(MetricName.canonical("epoch_accuracy", folder: "validation/") == "test_accuracy")
        #expect(MetricName.canonical("loss", folder: "train/") == "train_loss")
        #expect(MetricName.canonical("lr", folder: "run/") == "lr")
        #expect(MetricName.canonical("f1", folder: "val/") == "val/f1")
    }
}
