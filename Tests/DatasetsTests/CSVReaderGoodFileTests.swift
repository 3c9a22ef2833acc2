@testable import Datasets
import Testing

/// Files as real tools write them, each with the data set it must give.
@Suite("CSV reader: good files")
struct CSVReaderGoodFileTests {
    struct GoodFile: CustomTestStringConvertible, Sendable {
        let title: String
        let bytes: [UInt8]
        let names: [String]
        let features: [Double]
        let labels: [Int]
        let classCount: Int
        var testDescription: String { title }

        init(_ title: String, _ text: String, names: [String] = ["x1", "x2"], features: [Double] = [1.5, -2, 0.25, 3],
             labels: [Int] = [0, 1], classCount: Int = 2, prefix: [UInt8] = []) {
            self.title = title
            self.bytes = prefix + Array(text.utf8)
            self.names = names
            self.features = features
            self.labels = labels
            self.classCount = classCount
        }
    }

    static let files: [GoodFile] = [
        GoodFile("plain LF", "x1,x2,label\n1.5,-2,0\n0.25,3,1\n"),
        GoodFile("no trailing newline", "x1,x2,label\n1.5,-2,0\n0.25,3,1"),
        GoodFile("CRLF", "x1,x2,label\r\n1.5,-2,0\r\n0.25,3,1\r\n"),
        GoodFile("lone CR", "x1,x2,label\r1.5,-2,0\r0.25,3,1\r"),
        GoodFile("byte-order mark and CRLF", "x1,x2,label\r\n1.5,-2,0\r\n0.25,3,1\r\n", prefix: [0xEF, 0xBB, 0xBF]),
        GoodFile("blank lines everywhere", "\n  \nx1,x2,label\n\n1.5,-2,0\n \t \n0.25,3,1\n\n\n"),
        GoodFile("spaces and tabs around cells", " x1 ,\tx2\t, label \n 1.5 , -2 ,0\n0.25\t,\t3 , 1 \n"),
        GoodFile("quoted numbers", "\"x1\",\"x2\",\"label\"\n\"1.5\",\"-2\",\"0\"\n \"0.25\" ,\"3\", \"1\"\n"),
        GoodFile("quoted header with comma and quote", "\"a,b\",\"say \"\"hi\"\"\",label\n1.5,-2,0\n0.25,3,1\n",
                 names: ["a,b", "say \"hi\""]),
        GoodFile("other column names", "height,weight,class\n1.5,-2,0\n0.25,3,1\n", names: ["height", "weight"]),
        GoodFile("non-ASCII names", "größe,β,label\n1.5,-2,0\n0.25,3,1\n", names: ["größe", "β"]),
        GoodFile("empty header names become x1, x2", ",,\n1.5,-2,0\n0.25,3,1\n"),
        GoodFile("number spellings", "x1,x2,label\n+1.5,-2.,0.0\n.25,3e0,1.000\n"),
        GoodFile("exponents", "x1,x2,label\n15E-1,-0.2e+1,0\n2.5e-1,0.003E3,1\n"),
        GoodFile("three features, three classes", "a,b,c,label\n1,2,3,2\n4,5,6,0\n7,8,9,1\n",
                 names: ["a", "b", "c"], features: [1, 2, 3, 4, 5, 6, 7, 8, 9], labels: [2, 0, 1], classCount: 3),
        GoodFile("one feature", "x,label\n1.5,1\n-2,0\n", names: ["x"], features: [1.5, -2], labels: [1, 0]),
        GoodFile("long exact decimals", "x1,x2,label\n0.1000000000000000055511151231257827021181583404541015625,"
                 + "123456789012345678901234567890,0\n-0,1e-320,1\n",
                 features: [0.1, 1.2345678901234568e29, -0.0, Double(bitPattern: 2024)]),
    ]

    @Test("reads", arguments: files)
    func reads(file: GoodFile) throws {
        let dataset = try CSVDatasetReader.read(bytes: file.bytes, name: "data/good.csv")
        #expect(dataset.name == "good.csv")
        #expect(dataset.featureNames == file.names)
        #expect(dataset.features.map(\.bitPattern) == file.features.map(\.bitPattern))
        #expect(dataset.labels == file.labels)
        #expect(dataset.classCount == file.classCount)
    }

    @Test("reads the same when fed one byte at a time", arguments: files)
    func readsByteByByte(file: GoodFile) throws {
        var parser = CSVDatasetParser(fileName: "good.csv")
        for byte in file.bytes {
            let failure: DatasetError? = [byte].withUnsafeBytes { raw in
                do throws(DatasetError) { try parser.consume(raw) } catch { return error }
                return nil
            }
            #expect(failure == nil)
        }
        #expect(try parser.finish() == CSVDatasetReader.read(bytes: file.bytes, name: "good.csv"))
    }

    @Test func readsAFileLargerThanTheReadBuffer() throws {
        var text = "x1,x2,label\r\n"
        for row in 0..<20_000 { text += "\(Double(row) / 7),\(-Double(row) * 1e-3),\(row % 3)\r\n" }
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("big.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(text.utf8.count > 4 * CSVDatasetReader.chunkSize)
        let dataset = try CSVDatasetReader.read(path: path)
        #expect(dataset.count == 20_000 && dataset.classCount == 3)
        #expect(dataset.feature(19_999, 0) == 19_999.0 / 7)
        #expect(dataset == (try CSVDatasetReader.read(bytes: Array(text.utf8), name: path)))
    }
}
