#if canImport(Glibc)
import Glibc
#endif

/// Cuts a byte stream into lines, keeping a torn last line until its newline arrives.
///
/// Lines are numbered from 1 since the stream (re)started; a `\r` before the newline is dropped.
public struct LineSplitter {
    /// The bytes of the line still being written.
    public private(set) var partial: [UInt8] = []
    /// The number of the last complete line handed out.
    public private(set) var lineNumber = 0

    public init() {}

    /// Appends `bytes` and calls `body` with each complete line and its number.
    public mutating func feed(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>, Int) -> Void) {
        let (data, lines) = lines(in: bytes)
        for (range, number) in lines { body(data[range], number) }
    }

    /// Appends `bytes` and returns the buffer holding every complete line, with each line's byte
    /// range in it and its number: no slice (and no reference count) per line.
    public mutating func lines(in bytes: [UInt8]) -> (data: [UInt8], lines: [(range: Range<Int>, number: Int)]) {
        var data = bytes
        if !partial.isEmpty {
            data = partial + bytes
            partial.removeAll(keepingCapacity: true)
        }
        var lines: [(range: Range<Int>, number: Int)] = []
        var start = 0
        data.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while start < buffer.count {
                guard let found = memchr(base + start, 0x0A, buffer.count - start) else { break }
                let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                var end = index
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                lineNumber += 1
                lines.append((start..<end, lineNumber))
                start = index + 1
            }
        }
        if start < data.count { partial = Array(data[start...]) }
        return (data, lines)
    }

    /// Starts again (the stream was truncated or replaced).
    public mutating func restart() {
        partial.removeAll()
        lineNumber = 0
    }
}
