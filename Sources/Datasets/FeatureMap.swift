#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input features computed from the raw columns, as in TensorFlow Playground:
/// `x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)`.
///
/// `xN` is the N-th feature column of the data, whatever its header calls it. Parsed from the
/// `--features` text, stored in model metadata as `spec` and rebuilt from it, so a saved model
/// applies the same transform. A value type, `Sendable`.
public struct FeatureMap: Sendable, Equatable {
    /// One computed feature.
    public enum Term: Sendable, Equatable {
        /// Column N (0-based here, `xN+1` in text).
        case column(Int)
        /// The square of a column.
        case square(Int)
        /// The product of two columns.
        case product(Int, Int)
        /// The sine of a column.
        case sine(Int)
    }

    /// The computed features, in order.
    public let terms: [Term]
    /// The number of raw feature columns the map reads.
    public let inputCount: Int

    /// The map that passes `inputCount` columns through unchanged.
    public static func identity(inputCount: Int) -> FeatureMap {
        FeatureMap(terms: (0..<inputCount).map(Term.column), inputCount: inputCount)
    }

    private init(terms: [Term], inputCount: Int) {
        self.terms = terms
        self.inputCount = inputCount
    }

    /// Parses a comma-separated list such as `x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2)` for data
    /// with `inputCount` feature columns. Spaces are ignored; names are case-insensitive.
    public init(parsing text: String, inputCount: Int = 2) throws(FeatureMapError) {
        try self.init(spec: text.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
                      inputCount: inputCount)
    }

    /// Rebuilds a map from its `spec`, e.g. as stored in a model file.
    public init(spec: [String], inputCount: Int = 2) throws(FeatureMapError) {
        var terms: [Term] = []
        var seen: Set<String> = []
        for raw in spec {
            let name = String(raw.lowercased().filter { $0 != " " && $0 != "\t" })
            guard !name.isEmpty else { throw .emptyName(list: spec.joined(separator: ",")) }
            guard let term = Self.term(named: name) else {
                throw .unknown(name: raw.trimmingSpaces, inputCount: inputCount)
            }
            let largest = Self.columns(of: term).max()! + 1
            guard largest <= inputCount else {
                throw .missingColumn(name: name, needed: largest, available: inputCount)
            }
            guard seen.insert(name).inserted else { throw .duplicate(name: name) }
            terms.append(term)
        }
        self.init(terms: terms, inputCount: inputCount)
    }

    /// The canonical names of the features, e.g. `["x1", "x1^2", "sin(x2)"]`; store these.
    public var spec: [String] { terms.map(Self.name(of:)) }

    /// The number of features the map produces.
    public var outputCount: Int { terms.count }

    /// `dataset` with its features replaced by the computed ones, named by `spec`. O(count × terms).
    public func apply(to dataset: Dataset) -> Dataset {
        precondition(dataset.featureCount == inputCount, "the map reads \(inputCount) columns")
        var computed: [Double] = []
        computed.reserveCapacity(dataset.count * terms.count)
        for row in 0..<dataset.count {
            let base = row * inputCount
            for term in terms { computed.append(value(of: term) { dataset.features[base + $0] }) }
        }
        var result = Dataset(name: dataset.name, featureNames: spec, features: computed,
                             labels: dataset.labels, classCount: dataset.classCount, classes: dataset.classes)
        result.task = dataset.task
        return result
    }

    /// One raw point mapped to the computed features, for the decision-map grid.
    public func transform(point: [Double]) -> [Double] {
        precondition(point.count == inputCount, "the map reads \(inputCount) columns")
        return terms.map { term in value(of: term) { point[$0] } }
    }

    @inline(__always)
    private func value(of term: Term, column: (Int) -> Double) -> Double {
        switch term {
        case .column(let i): column(i)
        case .square(let i): column(i) * column(i)
        case .product(let i, let j): column(i) * column(j)
        case .sine(let i): sin(column(i))
        }
    }
}
