import Datasets
import Foundation
import Testing

/// Every kind of bad file, each with the exact one-line message it must give.
@Suite("CSV reader: bad files")
struct CSVReaderBadFileTests {
    static let header = "x1,x2,label\n"

    static let files: [(title: String, bytes: [UInt8], message: String)] = [
        ("empty", [], "bad.csv:1:1: empty file"),
        ("blank lines only", Array("\n \r\n\t\n".utf8), "bad.csv:1:1: empty file"),
        ("byte-order mark only", [0xEF, 0xBB, 0xBF], "bad.csv:1:1: empty file"),
        ("header alone", Array(header.utf8), "bad.csv:2:1: no data rows after the header"),
        ("header alone, no newline", Array("x1,x2,label".utf8), "bad.csv:1:12: no data rows after the header"),
        ("too few fields", Array((header + "1,2,0\n3,4\n").utf8),
         "bad.csv:3:4: expected 3 fields as in the header, found 2"),
        ("too few fields on the last line", Array((header + "1,2,0\n3").utf8),
         "bad.csv:3:2: expected 3 fields as in the header, found 1"),
        ("too many fields", Array((header + "1,2,0,9,9\n2,1,1\n").utf8),
         "bad.csv:2:7: expected 3 fields as in the header, found 5"),
        ("a word", Array((header + "1,2,0\n0.5, abc ,1\n").utf8), "bad.csv:3:6: \"abc\" is not a number"),
        ("a quoted word", Array((header + "\"1,5\",2,0\n").utf8), "bad.csv:2:1: \"1,5\" is not a number"),
        ("a decimal comma", Array((header + "1;5,2,0\n").utf8), "bad.csv:2:1: \"1;5\" is not a number"),
        ("hexadecimal", Array((header + "0x10,2,0\n").utf8), "bad.csv:2:1: \"0x10\" is not a number"),
        ("an exponent without digits", Array((header + "1e,2,0\n").utf8), "bad.csv:2:1: \"1e\" is not a number"),
        ("a lone dot", Array((header + "1,.,0\n").utf8), "bad.csv:2:3: \".\" is not a number"),
        ("an empty cell", Array((header + "1,,0\n").utf8), "bad.csv:2:3: empty cell"),
        ("a quoted empty cell", Array((header + "1,\"\",0\n").utf8), "bad.csv:2:3: empty cell"),
        ("NaN", Array((header + "1,NaN,0\n").utf8), "bad.csv:2:3: \"NaN\" is not a finite number"),
        ("minus infinity", Array((header + "-inf,1,0\n").utf8), "bad.csv:2:1: \"-inf\" is not a finite number"),
        ("Infinity", Array((header + "1,Infinity,0\n").utf8), "bad.csv:2:3: \"Infinity\" is not a finite number"),
        ("overflow", Array((header + "1e999,1,0\n").utf8), "bad.csv:2:1: \"1e999\" is not a finite number"),
        ("a name among real targets", Array((header + "1,2,1.5\n3,4,abc\n").utf8),
         "bad.csv:3:5: target \"abc\" is not a number: a regression target is a real number"),
        ("an infinite target", Array((header + "1,2,0.5\n3,4,inf\n").utf8), "bad.csv:3:5: target \"inf\" is not a finite number"),
        ("a fraction after a name", Array((header + "1,2,cat\n3,4,0.5\n").utf8),
         "bad.csv:3:5: label \"0.5\" is a number but the first label (\"cat\", line 2) is a name: labels must be all "
         + "numbers or all names"),
        ("a NaN label", Array((header + "1,2,nan\n").utf8), "bad.csv:2:5: label \"nan\" is not a finite number"),
        ("an empty label", Array((header + "1,2,\n").utf8), "bad.csv:2:5: empty label"),
        ("a single class", Array((header + "1,2,0\n3,4,0\n").utf8),
         "bad.csv:2:5: every row has label 0; a classification problem needs at least 2 classes"),
        ("a single named class", Array((header + "1,2,yes\n3,4, yes \n").utf8),
         "bad.csv:2:5: every row has label \"yes\"; a classification problem needs at least 2 classes"),
        ("a name after numbers", Array((header + "1,2,0\n3,4,1\n5,6,setosa\n").utf8),
         "bad.csv:4:5: label \"setosa\" is a name but the first label (0, line 2) is a number: labels must be all "
         + "numbers or all names"),
        ("a number after names", Array((header + "1,2,setosa\n3,4,\"versicolor, var.\"\n5,6,3\n").utf8),
         "bad.csv:4:5: label \"3\" is a number but the first label (\"setosa\", line 2) is a name: labels must be all "
         + "numbers or all names"),
        ("more than 1000 classes", Array((header + (0...1000).map { "1,2,c\($0)\n" }.joined()).utf8),
         "bad.csv:1002:5: label \"c1000\" would be class 1001: at most 1000 classes"),
        ("a NUL byte", Array((header + "1,").utf8) + [0] + Array("2,0\n".utf8),
         "bad.csv:2:3: not a text file (NUL byte)"),
        ("a stray 0xFF byte", Array((header + "1,2").utf8) + [0xFF] + Array(",0\n".utf8),
         "bad.csv:2:4: not a text file (invalid UTF-8)"),
        ("an overlong encoding", Array("é,".utf8) + [0xC0, 0xAF] + Array(",label\n".utf8),
         "bad.csv:1:3: not a text file (invalid UTF-8)"),
        ("a surrogate", Array(header.utf8) + [0xED, 0xA0, 0x80] + Array(",1,0\n".utf8),
         "bad.csv:2:1: not a text file (invalid UTF-8)"),
        ("a cut multi-byte character at the end", Array((header + "1,2,0\n3,4,1\n").utf8) + [0xE2, 0x82],
         "bad.csv:4:1: not a text file (invalid UTF-8)"),
        ("a broken byte-order mark", [0xEF, 0xBB, 0x41], "bad.csv:1:1: not a text file (invalid UTF-8)"),
        ("a PNG image", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D],
         "bad.csv:1:1: not a text file (invalid UTF-8)"),
        ("UTF-16", [0xFF, 0xFE, 0x78, 0x00, 0x31, 0x00], "bad.csv:1:1: not a text file (invalid UTF-8)"),
        ("a one-column header", Array("label\n0\n1\n".utf8),
         "bad.csv:1:1: the header needs at least 2 columns (features, then the label), found 1"),
        ("no header", Array("1,2,0\n3,4,1\n".utf8),
         "bad.csv:1:1: expected a header of column names, found only numbers"),
        ("an unclosed quote", Array((header + "\"1,2,0\n").utf8), "bad.csv:2:1: quoted cell is not closed on its line"),
        ("an unclosed quote at the end", Array((header + "1,2,\"0").utf8),
         "bad.csv:2:5: quoted cell is not closed on its line"),
        ("text after a closing quote", Array((header + "\"1\"x,2,0\n").utf8),
         "bad.csv:2:4: unexpected text after a closing quote"),
        ("a long cell", Array((header + String(repeating: "1", count: 5000) + ",2,0\n").utf8),
         "bad.csv:2:1: cell is longer than 4096 bytes"),
        ("too many columns", Array((String(repeating: "a,", count: 100_000) + "label\n").utf8),
         "bad.csv:1:200001: the header has more than 100000 columns"),
        ("a long word, shortened in the message", Array((header + String(repeating: "ab", count: 30) + ",2,0\n").utf8),
         "bad.csv:2:1: \"" + String(repeating: "ab", count: 19) + "a…\" is not a number"),
        ("columns count characters", Array("größe,β,label\n1,2,0\nö,1,1\n".utf8), "bad.csv:3:1: \"ö\" is not a number"),
        ("columns after a byte-order mark", [0xEF, 0xBB, 0xBF] + Array((header + "1,x,0\n").utf8),
         "bad.csv:2:3: \"x\" is not a number"),
    ]

    @Test("rejects with exit status 65", arguments: files.indices)
    func rejects(index: Int) {
        let file = Self.files[index]
        let result = readCSV(bytes: file.bytes)
        #expect(message(result) == file.message, "\(file.title)")
        if case .failure(let error) = result { #expect(error.exitStatus == 65) }
    }

    @Test func missingFileIsExitStatus66() throws {
        let path = try temporaryFolder().appendingPathComponent("missing.csv").path
        #expect(throws: DatasetError.cannotOpen(file: path, reason: "no such file")) {
            try CSVDatasetReader.read(path: path)
        }
        #expect(DatasetError.cannotOpen(file: path, reason: "no such file").description == "\(path): cannot open: no such file")
        #expect(DatasetError.cannotOpen(file: path, reason: "no such file").exitStatus == 66)
    }

    @Test func directoryIsExitStatus66() throws {
        let path = try temporaryFolder().path
        #expect(throws: DatasetError.cannotOpen(file: path, reason: "is a directory")) {
            try CSVDatasetReader.read(path: path)
        }
    }

    @Test func errorsInAFileNameItsPath() throws {
        let path = try temporaryFolder().appendingPathComponent("bad.csv").path
        try "x1,x2,label\n1,2,0\n1,zwei,1\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: DatasetError.invalidData(file: path, line: 3, column: 3, reason: "\"zwei\" is not a number")) {
            try CSVDatasetReader.read(path: path)
        }
    }
}
