/// A 2-D slice through a data set's input space: two chosen columns vary, every other input is
/// held at its mean over the training set. The decision map and `boundary.svg` draw the network
/// on this plane, and the data projected onto the two columns (their other inputs dropped).
///
/// With two input columns the slice is the whole plane: `point(x, y)` is `[x, y]`.
public struct InputSlice: Sendable, Hashable {
    /// The column varied across (horizontal axis).
    public var horizontal: Int
    /// The column varied up (vertical axis).
    public var vertical: Int
    /// Each input column's value off the slice: its mean over the training set.
    public var means: [Double]
    /// Every column's name (the CSV header, `x1`, `x2` for generated data).
    public var columnNames: [String]

    /// The slice of `data`'s columns `horizontal` × `vertical` through `data`'s means. Needs
    /// `data.featureCount ≥ 2` and two different columns in range; O(count × featureCount).
    public init(of data: Dataset, horizontal: Int = 0, vertical: Int = 1) {
        precondition(data.featureCount >= 2, "a slice needs two input columns")
        precondition(horizontal != vertical && (0..<data.featureCount).contains(horizontal)
                     && (0..<data.featureCount).contains(vertical), "slice columns must differ and exist")
        var means = [Double](repeating: 0, count: data.featureCount)
        for i in 0..<data.count {
            for j in 0..<data.featureCount { means[j] += data.feature(i, j) }
        }
        if data.count > 0 { means = means.map { $0 / Double(data.count) } }
        self.horizontal = horizontal
        self.vertical = vertical
        self.means = means
        self.columnNames = data.featureNames
    }

    /// The number of input columns.
    public var columnCount: Int { means.count }

    /// The same two columns through `data`'s own means, when `data` has this slice's columns (the
    /// same names in the same order); nil for data with other columns — a slice chosen on one data
    /// set says nothing about another (the settings panel can change the data under a run).
    public func rebased(on data: Dataset) -> InputSlice? {
        guard data.featureNames == columnNames, columnCount >= 2 else { return nil }
        return InputSlice(of: data, horizontal: horizontal, vertical: vertical)
    }
    /// The horizontal and vertical column names: `["petal_length", "petal_width"]`.
    public var axisNames: [String] { [columnNames[horizontal], columnNames[vertical]] }

    /// The full raw input at (`x`, `y`) of the slice: the means, with the two columns replaced.
    public func point(_ x: Double, _ y: Double) -> [Double] {
        var input = means
        input[horizontal] = x
        input[vertical] = y
        return input
    }

    /// `data` projected onto the slice: a 2-column data set of the chosen columns (names, labels
    /// and classes kept). O(count).
    public func project(_ data: Dataset) -> Dataset {
        var features: [Double] = []
        features.reserveCapacity(2 * data.count)
        for i in 0..<data.count {
            features.append(data.feature(i, horizontal))
            features.append(data.feature(i, vertical))
        }
        var result = Dataset(name: data.name, featureNames: axisNames, features: features, labels: data.labels,
                             classCount: data.classCount, classes: data.classes)
        result.task = data.task
        return result
    }

    /// The slice with `axis`'s column (0 horizontal, 1 vertical) moved to the next column that the
    /// other axis does not use, wrapping; unchanged with only two columns.
    public func cycled(axis: Int) -> InputSlice {
        var next = self
        let other = axis == 0 ? vertical : horizontal
        var column = axis == 0 ? horizontal : vertical
        repeat { column = (column + 1) % columnCount } while column == other
        if axis == 0 { next.horizontal = column } else { next.vertical = column }
        return next
    }
}
