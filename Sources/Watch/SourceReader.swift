import Foundation
import Training

/// What one poll of a source found, in order.
struct ReadBatch: Sendable {
    enum Item: Sendable {
        case record(WatchRecord, arrival: Double?)
        case skip(String)
        case say(String)
        case axis(String)
        /// The source does not exist (true), or has appeared (false).
        case waiting(Bool)
    }
    var items: [Item] = []
    /// Everything there was to read has been read (the source is idle now).
    var readAll = false
    /// The source has ended (standard input closed).
    var ended = false

    var isEmpty: Bool { items.isEmpty && !ended }

    func apply(to run: inout WatchedRun) {
        for item in items {
            switch item {
            case .record(let record, let arrival):
                run.absorb(record, arrival: arrival)
                // A line logged: a writer is there, so a pause sent into silence can now be seen taken.
                if run.facts.pauseUnanswered { run.update { $0.pauseUnanswered = false } }
            case .skip(let message): run.skip(message)
            case .say(let message): run.say(message)
            case .axis(let axis): run.update { $0.axis = axis }
            case .waiting(let waiting): run.update { $0.waiting = waiting }
            }
        }
        if ended {
            run.update { $0.ended = true }
            run.setSpeed(0)
            run.setStatus(.done)
        }
    }
}

/// Reads a source of any format, on the watch thread only: followers, splitters and parsers.
final class SourceReader {
    private let options: WatchSource.Options
    private let name: String
    private var followers: [(follower: FileFollower, prefix: String, splitter: TFRecordSplitter)] = []
    private var lines = LineSplitter()
    private var csv = MetricsCSVParser()
    private var lastScan = -Double.infinity
    private var saidMissing = false
    /// TensorBoard scalars not yet given out, by step.
    private var pendingSteps: [Int: WatchRecord] = [:]

    init(options: WatchSource.Options) {
        self.options = options
        name = options.path == "-" ? "standard input" : options.path
        if options.format != .tensorboard {
            followers = [(FileFollower(path: options.path), "", TFRecordSplitter())]
        }
    }

    /// Reads what is new, at most a chunk per file.
    func poll(arrival: Double?) -> ReadBatch {
        var batch = ReadBatch()
        if options.format == .tensorboard { scanForEventFiles(&batch) }
        var anyBytes = false
        for index in followers.indices {
            let update = followers[index].follower.read()
            for event in update.events {
                switch event {
                case .missing where index == 0 && options.format != .tensorboard:
                    batch.items.append(.say("\(name) does not exist (yet): waiting for it"))
                    batch.items.append(.waiting(true))
                case .opened where index == 0 && options.format != .tensorboard:
                    batch.items.append(.waiting(false))
                case .truncated, .replaced:
                    if !update.bytesBeforeRestart.isEmpty { consume(update.bytesBeforeRestart, index, arrival, &batch) }
                    restart(index)
                    batch.items.append(.say("\(name) was \(event == .truncated ? "truncated" : "replaced"): reading it from the start"))
                case .ended:
                    batch.ended = true
                default: break
                }
            }
            if !update.bytes.isEmpty {
                anyBytes = true
                consume(update.bytes, index, arrival, &batch)
            }
            // Standard input ended mid-line: that last line is whole, as if its newline had come.
            if batch.ended, options.format != .tensorboard, !lines.partial.isEmpty {
                consume([0x0A], index, arrival, &batch)
            }
        }
        flushSteps(arrival, &batch)
        batch.readAll = !anyBytes
        return batch
    }

    private func restart(_ index: Int) {
        lines.restart()
        csv = MetricsCSVParser()
        followers[index].splitter.restart()
    }

    private func consume(_ bytes: [UInt8], _ index: Int, _ arrival: Double?, _ batch: inout ReadBatch) {
        switch options.format {
        case .jsonl:
            // A backlog (a log opened mid-run) is parsed on every core; records keep their order.
            let (data, pending) = lines.lines(in: bytes)
            batch.items += Self.parseJSONLines(data, pending, name: name, arrival: arrival)
        case .csv:
            lines.feed(bytes) { line, number in self.parseCSVLine(line, number, arrival, &batch) }
        case .tensorboard:
            let prefix = followers[index].prefix
            let before = followers[index].splitter.badRecords
            let path = followers[index].follower.path
            followers[index].splitter.feed(bytes) { data in
                if let bad = self.parseEvent(data, prefix: prefix) { batch.items.append(.skip("\(path): \(bad)")) }
            }
            let bad = followers[index].splitter.badRecords - before
            for _ in 0..<bad {
                batch.items.append(.skip("\(followers[index].follower.path): a record's checksum does not match"))
            }
        }
    }

    /// The items for the lines at `lines` in `data`, in order; in parallel shares when there are many.
    static func parseJSONLines(
        _ data: [UInt8], _ lines: [(range: Range<Int>, number: Int)], name: String, arrival: Double?
    ) -> [ReadBatch.Item] {
        @Sendable func parse(_ share: Range<Int>) -> [ReadBatch.Item] {
            var items: [ReadBatch.Item] = []
            items.reserveCapacity(share.count)
            data.withUnsafeBufferPointer { buffer in
                for (range, number) in lines[share] {
                    let line = UnsafeBufferPointer(rebasing: buffer[range])
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    do throws(WatchLineParser.Failure) {
                        items.append(.record(try WatchLineParser.parse(buffer: line), arrival: arrival))
                    } catch {
                        items.append(.skip(error.message(file: name, line: number)))
                    }
                }
            }
            return items
        }
        let shares = lines.count >= 4096 ? 4 : 1
        guard shares > 1 else { return parse(0..<lines.count) }
        let results = LockedValue([[ReadBatch.Item]](repeating: [], count: shares))
        DispatchQueue.concurrentPerform(iterations: shares) { share in
            let items = parse(share * lines.count / shares..<(share + 1) * lines.count / shares)
            results.withLock { $0[share] = items }
        }
        return results.withLock { $0.flatMap { $0 } }
    }

    private func parseCSVLine(_ line: ArraySlice<UInt8>, _ number: Int, _ arrival: Double?, _ batch: inout ReadBatch) {
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return }
        do throws(WatchLineParser.Failure) {
            if !csv.hasHeader {
                try csv.readHeader(line)
                if !csv.columns.contains("epoch") { batch.items.append(.axis("step")) }
            } else if let record = try csv.record(line) {
                batch.items.append(.record(record, arrival: arrival))
            }
        } catch {
            batch.items.append(.skip(error.message(file: name, line: number)))
        }
    }


    // MARK: - TensorBoard

    /// Finds event files in the log directory (and one level of subdirectories, whose names
    /// prefix their tags: `val/loss`), every two seconds.
    private func scanForEventFiles(_ batch: inout ReadBatch) {
        let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
        guard now - lastScan >= 2 else { return }
        lastScan = now
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.path, isDirectory: &isDirectory) else {
            if !saidMissing { batch.items += [.say("\(name) does not exist (yet): waiting for it"), .waiting(true)] }
            saidMissing = true
            return
        }
        if saidMissing, followers.isEmpty { batch.items.append(.waiting(false)) }
        var found: [(String, String)] = []
        if !isDirectory.boolValue {
            found = [(options.path, "")]
        } else {
            let manager = FileManager.default
            let top = (try? manager.contentsOfDirectory(atPath: options.path)) ?? []
            for entry in top.sorted() {
                let path = options.path + "/" + entry
                var sub: ObjCBool = false
                if manager.fileExists(atPath: path, isDirectory: &sub), sub.boolValue {
                    for file in ((try? manager.contentsOfDirectory(atPath: path)) ?? []).sorted() where file.contains("tfevents") {
                        found.append((path + "/" + file, entry + "/"))
                    }
                } else if entry.contains("tfevents") {
                    found.append((path, ""))
                }
            }
        }
        for (path, prefix) in found where !followers.contains(where: { $0.follower.path == path }) {
            followers.append((FileFollower(path: path), prefix, TFRecordSplitter()))
        }
        if found.isEmpty, !saidMissing {
            batch.items.append(.say("no TensorBoard event files in \(name) yet: waiting for them"))
            saidMissing = true
        }
        batch.items.append(.axis("step"))
    }

    /// Takes in one event record's scalars, or returns why the record is bad (then none of them
    /// is taken, as a JSONL line with one bad field is skipped whole): it is not an event, or it
    /// gives an accuracy outside 0…1 (NaN, a non-finite value, is kept).
    private func parseEvent(_ data: [UInt8], prefix: String) -> String? {
        guard let event = try? TensorBoardEvent(serializedBytes: data) else { return "a record is not a TensorBoard event" }
        let named = event.scalars.map { (MetricName.canonical($0.tag, folder: prefix), $0) }
        for (name, scalar) in named where name == "train_accuracy" || name == "test_accuracy" {
            if !scalar.value.isNaN, !(0...1).contains(scalar.value) {
                return "step \(event.step): \"\(prefix + scalar.tag)\" is \(scalar.value), outside 0…1 (an accuracy is a fraction)"
            }
        }
        for (name, scalar) in named {
            var record = pendingSteps[Int(event.step)] ?? WatchRecord(epoch: Int(event.step))
            record.set(name, scalar.value)
            if event.wallTime > 0 { record.time = event.wallTime }
            pendingSteps[Int(event.step)] = record
        }
        return nil
    }

    /// Gives out the TensorBoard scalars gathered, in step order.
    private func flushSteps(_ arrival: Double?, _ batch: inout ReadBatch) {
        guard !pendingSteps.isEmpty else { return }
        for step in pendingSteps.keys.sorted() {
            batch.items.append(.record(pendingSteps[step]!, arrival: arrival))
        }
        pendingSteps.removeAll(keepingCapacity: true)
    }
}
