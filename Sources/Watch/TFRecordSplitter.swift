/// Cuts a TFRecord byte stream (a TensorBoard event file) into records, keeping a record still
/// being written until it is whole.
///
/// Each record is `length: UInt64 LE, masked CRC-32C of length: UInt32 LE, data, masked CRC-32C of
/// data: UInt32 LE`. A record whose data CRC fails is skipped and counted; a length whose CRC
/// fails means the stream is out of step, and the rest of it is given up (counted once).
public struct TFRecordSplitter {
    private var pending: [UInt8] = []
    private var lost = false
    /// Records skipped because a checksum did not match.
    public private(set) var badRecords = 0
    /// Records handed out.
    public private(set) var recordCount = 0

    public init() {}

    /// Appends `bytes` and calls `body` with every whole record's data.
    public mutating func feed(_ bytes: [UInt8], _ body: ([UInt8]) -> Void) {
        guard !lost else { return }
        pending.append(contentsOf: bytes)
        var start = 0
        while pending.count - start >= 12 {
            let length = Self.littleEndian64(pending, at: start)
            let lengthCRC = Self.littleEndian32(pending, at: start + 8)
            guard CRC32C.masked(CRC32C.checksum(pending[start..<start + 8])) == lengthCRC, length < 1 << 31 else {
                badRecords += 1
                lost = true
                pending.removeAll()
                return
            }
            let total = 12 + Int(length) + 4
            guard pending.count - start >= total else { break }
            let data = Array(pending[start + 12..<start + 12 + Int(length)])
            let dataCRC = Self.littleEndian32(pending, at: start + 12 + Int(length))
            if CRC32C.masked(CRC32C.checksum(data)) == dataCRC {
                recordCount += 1
                body(data)
            } else {
                badRecords += 1
            }
            start += total
        }
        pending.removeFirst(start)
    }

    /// Starts again (the file was truncated or replaced).
    public mutating func restart() {
        pending.removeAll()
        lost = false
    }

    static func littleEndian64(_ bytes: [UInt8], at index: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[index + $1]) << (8 * UInt64($1)) }
    }

    static func littleEndian32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[index + $1]) << (8 * UInt32($1)) }
    }

    /// One record framed as TFRecord writes it (for tests and fixtures).
    public static func frame(_ data: [UInt8]) -> [UInt8] {
        func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
            (0..<T.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
        }
        let length = bytes(UInt64(data.count))
        return length + bytes(CRC32C.masked(CRC32C.checksum(length))) + data + bytes(CRC32C.masked(CRC32C.checksum(data)))
    }
}
