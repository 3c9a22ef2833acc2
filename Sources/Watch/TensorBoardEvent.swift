import SwiftProtobuf

/// The scalars of one TensorBoard event record: `Summary.Value`s holding a `simple_value`
/// (PyTorch's `SummaryWriter`) or a scalar tensor (TensorFlow 2's `tf.summary.scalar`: float,
/// double, half or integer, in `*_val` or `tensor_content`). Other summaries are ignored.
struct TensorBoardEvent {
    struct Scalar: Equatable {
        var tag: String
        var value: Double
    }

    var wallTime: Double
    var step: Int64
    var scalars: [Scalar]

    /// Decodes an event record's bytes (SwiftProtobuf, from the generated `Tensorboard_Event`).
    init(serializedBytes bytes: [UInt8]) throws {
        let event = try Tensorboard_Event(serializedBytes: bytes)
        wallTime = event.wallTime
        step = event.step
        scalars = []
        guard case .summary(let summary)? = event.what else { return }
        for value in summary.value {
            switch value.value {
            case .simpleValue(let number)?:
                scalars.append(Scalar(tag: value.tag, value: Double(number)))
            case .tensor(let tensor)?:
                if let number = Self.scalar(of: tensor) { scalars.append(Scalar(tag: value.tag, value: number)) }
            default:
                break
            }
        }
    }

    /// The single number a scalar tensor holds, if it is one.
    static func scalar(of tensor: Tensorboard_TensorProto) -> Double? {
        if let x = tensor.floatVal.first { return Double(x) }
        if let x = tensor.doubleVal.first { return x }
        if let x = tensor.intVal.first { return Double(x) }
        if let x = tensor.int64Val.first { return Double(x) }
        if let bits = tensor.halfVal.first { return Double(Float16(bitPattern: UInt16(truncatingIfNeeded: bits))) }
        let content = Array(tensor.tensorContent)
        func littleEndian(_ count: Int) -> UInt64? {
            guard content.count == count else { return nil }
            return (0..<count).reduce(0) { $0 | UInt64(content[$1]) << (8 * UInt64($1)) }
        }
        switch tensor.dtype {
        case 1: return littleEndian(4).map { Double(Float(bitPattern: UInt32($0))) }
        case 2: return littleEndian(8).map { Double(bitPattern: $0) }
        case 3: return littleEndian(4).map { Double(Int32(bitPattern: UInt32($0))) }
        case 9: return littleEndian(8).map { Double(Int64(bitPattern: $0)) }
        case 19: return littleEndian(2).map { Double(Float16(bitPattern: UInt16($0))) }
        default: return nil
        }
    }
}
