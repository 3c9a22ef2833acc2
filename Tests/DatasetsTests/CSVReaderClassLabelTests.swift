import Datasets
import Testing

/// Labels as people write them: names, numbers from 1, −1/1, and the classes they become.
@Suite("CSV reader: class labels")
struct CSVReaderClassLabelTests {
    struct LabelFile: CustomTestStringConvertible, Sendable {
        let title: String
        let labels: [String]
        let classes: ClassNames
        let expected: [Int]
        var testDescription: String { title }
        /// The file: one feature column, `labels` in the label column.
        var text: String { "x,label\n" + labels.enumerated().map { "\($0.offset),\($0.element)\n" }.joined() }
    }

    static let files: [LabelFile] = [
        LabelFile(title: "0..K−1 keep their numbers", labels: ["2", "0", "1", "0"], classes: .indices(count: 3),
                  expected: [2, 0, 1, 0]),
        LabelFile(title: "0..K−1 spelled 1.0, -0", labels: ["1.0", "-0", "1"], classes: .indices(count: 2),
                  expected: [1, 0, 1]),
        LabelFile(title: "names, sorted", labels: ["virginica", "setosa", "versicolor", "setosa"],
                  classes: .names(["setosa", "versicolor", "virginica"]), expected: [2, 0, 1, 0]),
        LabelFile(title: "names sort by bytes: capitals first", labels: ["b", "B", "a"], classes: .names(["B", "a", "b"]),
                  expected: [2, 0, 1]),
        LabelFile(title: "1-based (wine)", labels: ["3", "1", "2", "1"], classes: .numbers([1, 2, 3]),
                  expected: [2, 0, 1, 0]),
        LabelFile(title: "-1/1", labels: ["1", "-1", "-1"], classes: .numbers([-1, 1]), expected: [1, 0, 0]),
        LabelFile(title: "numeric order, not text order", labels: ["10", "9", "1000"], classes: .numbers([9, 10, 1000]),
                  expected: [1, 0, 2]),
        LabelFile(title: "a gap: 0, 2", labels: ["0", "2", "2"], classes: .numbers([0, 2]), expected: [0, 1, 1]),
        LabelFile(title: "a quoted name with a comma", labels: ["\"versicolor, var. b\"", "setosa", " \"setosa\" "],
                  classes: .names(["setosa", "versicolor, var. b"]), expected: [1, 0, 0]),
        LabelFile(title: "names that hold digits", labels: ["class 2", "class 10"], classes: .names(["class 10", "class 2"]),
                  expected: [1, 0]),
    ]

    @Test("maps labels to classes", arguments: files)
    func mapsLabels(file: LabelFile) throws {
        let dataset = try CSVDatasetReader.read(bytes: Array(file.text.utf8), name: "labels.csv")
        #expect(dataset.classes == file.classes)
        #expect(dataset.classCount == file.classes.count)
        #expect(dataset.labels == file.expected)
    }

    @Test func classNamesAreSpelledAsWritten() {
        #expect(ClassNames.numbers([-1, 1]).allNames == ["-1", "1"])
        #expect(ClassNames.indices(count: 3).allNames == ["0", "1", "2"])
        #expect(ClassNames.names(["a,b", "c"]).json == .array([.string("a,b"), .string("c")]))
        #expect(ClassNames.numbers([1, 2, 3]).json == .array([.number("1"), .number("2"), .number("3")]))
        #expect(ClassNames.indices(count: 2).json == nil)
    }

    @Test func modelClassesReadBack() {
        #expect(ClassNames.decode(.array([.string("b"), .string("a")]), classCount: 2) == .success(.names(["b", "a"])))
        #expect(ClassNames.decode(.array([.number("1"), .number("3")]), classCount: 2) == .success(.numbers([1, 3])))
        #expect(ClassNames.decode(.array([.number("0"), .number("1")]), classCount: 2) == .success(.indices(count: 2)))
        #expect(ClassNames.decode(.array([.string("a")]), classCount: 2) == .failure(.wrongCount(found: 1, expected: 2)))
        #expect(ClassNames.decode(.array([.string("a"), .string("a")]), classCount: 2) == .failure(.duplicate))
        #expect(ClassNames.decode(.array([.string("a"), .number("1")]), classCount: 2) == .failure(.malformed))
        #expect(ClassNames.decode(.array([.number("0.5"), .number("1")]), classCount: 2) == .failure(.malformed))
        #expect(ClassNames.decode(.string("a"), classCount: 2) == .failure(.notAnArray))
    }

    // MARK: reading for a model

    static let iris = ClassNames.names(["setosa", "versicolor", "virginica"])

    private func read(_ text: String, _ options: CSVReadOptions) -> Result<CSVReadResult, DatasetError> {
        do throws(DatasetError) {
            return .success(try CSVDatasetReader.read(bytes: Array(text.utf8), name: "d.csv", options: options))
        } catch {
            return .failure(error)
        }
    }

    @Test func aModelsClassesMapASubsetOfThem() throws {
        let options = CSVReadOptions(classes: Self.iris, inputColumnCount: 1, modelName: "m.json")
        let result = try read("x,species\n1,virginica\n2,virginica\n", options).get()
        #expect(result.hasLabels)
        #expect(result.dataset.labels == [2, 2])
        #expect(result.dataset.classes == Self.iris && result.dataset.classCount == 3)
    }

    @Test func aNumberIsANameWhenTheModelsClassesAreNames() throws {
        let options = CSVReadOptions(classes: .names(["1", "a"]), modelName: "m.json")
        #expect(try read("x,label\n1,a\n2,1\n", options).get().dataset.labels == [1, 0])
    }

    @Test func aLabelTheModelDoesNotKnowIsAnError() {
        let options = CSVReadOptions(classes: Self.iris, modelName: "m.json")
        #expect(read("x,species\n1,setosa\n2,virginca\n", options).errorText
                == "d.csv:3:3: label \"virginca\" is not one of the classes of m.json (setosa, versicolor, virginica)")
        let numbers = CSVReadOptions(classes: .numbers([1, 2, 3]), modelName: "m.json")
        #expect(read("x,label\n1,2\n2,0\n", numbers).errorText
                == "d.csv:3:3: label 0 is not one of the classes of m.json (1, 2, 3)")
        let indices = CSVReadOptions(classes: .indices(count: 2), modelName: "m.json")
        #expect(read("x,label\n1,2\n", indices).errorText == "d.csv:2:3: label 2 is not one of the classes of m.json (0, 1)")
    }

    @Test func withoutTheLabelColumnEveryRowIsReadForPrediction() throws {
        let options = CSVReadOptions(classes: Self.iris, inputColumnCount: 2, inputColumnNames: ["a", "b"],
                                     modelName: "m.json")
        let result = try read("a,b\n1,2\n3,4\n", options).get()
        #expect(!result.hasLabels)
        #expect(result.dataset.count == 2 && result.dataset.features == [1, 2, 3, 4])
        #expect(result.dataset.featureNames == ["a", "b"])
    }

    @Test func columnsThatDoNotFitTheModelAreAnError() {
        let options = CSVReadOptions(classes: Self.iris, inputColumnCount: 2, inputColumnNames: ["a", "b"],
                                     modelName: "m.json")
        #expect(read("a,b,c,label\n1,2,3,setosa\n", options).errorText
                == "d.csv:1:1: the header has 4 columns but m.json takes 2 input columns (a, b), then optionally the label")
        #expect(read("a,c,label\n1,2,setosa\n", options).errorText
                == "d.csv:1:1: the columns (a, c) are not the input columns m.json was trained on (a, b)")
    }
}

extension Result where Success == CSVReadResult, Failure == DatasetError {
    /// The error's one line, or a note that the read succeeded.
    var errorText: String {
        switch self {
        case .success(let result): "read \(result.dataset.count) rows"
        case .failure(let error): error.description
        }
    }
}
