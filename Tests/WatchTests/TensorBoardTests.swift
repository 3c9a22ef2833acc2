import Foundation
import Testing
@testable import Watch

@Suite struct TensorBoardTests {
    /// Event files written by tensorboardX (scripts/make-tensorboard-fixture): an independent writer.
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/tensorboard/run/events.out.tfevents.fixture").path

    func events(_ bytes: [UInt8]) -> (events: [TensorBoardEvent], splitter: TFRecordSplitter) {
        var splitter = TFRecordSplitter()
        var events: [TensorBoardEvent] = []
        splitter.feed(bytes) { data in
            if let event = try? TensorBoardEvent(serializedBytes: data) { events.append(event) }
        }
        return (events, splitter)
    }

    @Test func crc32cMatchesTheStandardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func readsScalarsOfAnEventFileTensorboardXWrote() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.fixture)))
        let (events, splitter) = events(bytes)
        #expect(splitter.badRecords == 0)
        let scalars = events.flatMap { event in event.scalars.map { (event.step, $0.tag, $0.value) } }
        for step in stride(from: 0, to: 100, by: 10) {
            let s = Int64(step)
            #expect(scalars.contains { $0 == (s, "loss/train", Double(Float(1 / (1 + Double(step) / 10)))) })
            #expect(scalars.contains { $0 == (s, "loss/val", Double(Float(2 / (1 + Double(step) / 10)))) })
            #expect(scalars.contains { $0 == (s, "lr", pow(0.5, Double(step / 30))) })
        }
        #expect(scalars.count == 30)
    }

    @Test func aBrokenChecksumSkipsTheRecordAndATornOneWaits() throws {
        let good = TFRecordSplitter.frame([0x09, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F])  // Event{wall_time: 1.0}
        var broken = TFRecordSplitter.frame([0x10, 0x07])  // Event{step: 7}
        broken[broken.count - 1] ^= 0xFF
        let third = TFRecordSplitter.frame([0x10, 0x08])
        var splitter = TFRecordSplitter()
        var seen: [[UInt8]] = []
        splitter.feed(good + broken + Array(third.prefix(5))) { seen.append($0) }
        #expect(seen == [[0x09, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F]])
        #expect(splitter.badRecords == 1)
        splitter.feed(Array(third.dropFirst(5))) { seen.append($0) }
        #expect(seen.count == 2 && seen[1] == [0x10, 0x08])
        #expect(try TensorBoardEvent(serializedBytes: seen[1]).step == 8)
    }

    @Test func aBrokenLengthGivesUpTheRestOnce() {
        var bytes = TFRecordSplitter.frame([0x10, 0x07])
        bytes[8] ^= 0x01
        var splitter = TFRecordSplitter()
        var seen = 0
        splitter.feed(bytes + TFRecordSplitter.frame([0x10, 0x08])) { _ in seen += 1 }
        #expect(seen == 0 && splitter.badRecords == 1)
        splitter.feed(TFRecordSplitter.frame([0x10, 0x09])) { _ in seen += 1 }
        #expect(seen == 0 && splitter.badRecords == 1)
    }

    @Test func scalarTensorsOfEveryCommonTypeAreRead() {
        var tensor = Tensorboard_TensorProto()
        tensor.dtype = 1
        tensor.tensorContent = Data(withUnsafeBytes(of: Float(0.25).bitPattern.littleEndian) { Array($0) })
        #expect(TensorBoardEvent.scalar(of: tensor) == 0.25)
        tensor.dtype = 2
        tensor.tensorContent = Data(withUnsafeBytes(of: (1.0 / 3.0).bitPattern.littleEndian) { Array($0) })
        #expect(TensorBoardEvent.scalar(of: tensor) == 1.0 / 3.0)
        tensor.dtype = 19
        tensor.tensorContent = Data()
        tensor.halfVal = [Int32(Float16(1.5).bitPattern)]
        #expect(TensorBoardEvent.scalar(of: tensor) == 1.5)
        #expect(TensorBoardEvent.scalar(of: Tensorboard_TensorProto()) == nil)
    }
}
