import Foundation
import Testing
import TestSupport

/// `mlptop compare --headless` as a real process: its runs equal separate `train` runs bit for
/// bit, its table and files, and the one-line refusals of a bad grid.
@Suite("mlptop compare, headless")
struct CompareCommandTests {
    static func mlptop(_ arguments: [String]) throws -> ProcessResult {
        try HeadlessTrainTests.mlptop(arguments, timeout: .seconds(120))
    }

    /// A `--log` line without its wall time (`"seconds": …`), the one field that may differ.
    static func withoutTime(_ line: Substring) -> Substring {
        line.prefix { $0 != "}" }.components(separatedBy: ", \"seconds\"")[0][...]
    }

    @Test func eachRunOfAGridEqualsTheSameSettingsTrainedAlone() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-compare")
        let out = scratch.file("grid")
        let shared = ["--dataset", "moons", "--epochs", "60", "--hidden", "8,8"]
        let result = try Self.mlptop(["compare", "--vary", "lr=0.05,0.3", "--vary", "batch=full,16", "--headless",
                                      "--out-dir", out] + shared)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("mlptop: 4 runs (lr × batch) at once"), "\(result.standardOutput)")
        for lr in ["0.05", "0.3"] {
            for batch in ["full", "16"] {
                let model = scratch.file("\(lr)-\(batch).json"), log = scratch.file("\(lr)-\(batch).jsonl")
                let alone = try Self.mlptop(["train", "--headless", "--lr", lr, "--batch", batch, "--save", model, "--log", log]
                                            + shared)
                #expect(alone.status == 0, "\(alone.standardError)")
                let folder = "\(out)/lr=\(lr),batch=\(batch)"
                // The same file, byte for byte: every weight's shortest round-trip text, the metadata.
                let compared = try Data(contentsOf: URL(fileURLWithPath: folder + "/model.json"))
                #expect(compared == (try Data(contentsOf: URL(fileURLWithPath: model))), "lr \(lr), batch \(batch)")
                let lines = try String(contentsOfFile: folder + "/run.jsonl", encoding: .utf8).split(separator: "\n")
                let aloneLines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
                #expect(lines.count == 60)
                #expect(lines.map(Self.withoutTime) == aloneLines.map(Self.withoutTime), "lr \(lr), batch \(batch)")
            }
        }
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.hasPrefix("{\"format\": \"mlptop.compare/v1\",\n \"varied\": [\"lr\", \"batch\"],"), "\(summary)")
        #expect(summary.contains("\"name\": \"lr=0.3,batch=16\""))
        #expect(summary.components(separatedBy: "\"status\": \"done\"").count == 5)
        // The combined picture has every run; each folder its own.
        let picture = try String(contentsOfFile: out + "/loss.svg", encoding: .utf8)
        for (index, name) in ["lr=0.05,batch=full", "lr=0.05,batch=16", "lr=0.3,batch=full", "lr=0.3,batch=16"].enumerated() {
            #expect(picture.contains("data-run=\"\(index + 1) \(name)\""), "\(name) in loss.svg")
            #expect(FileManager.default.fileExists(atPath: "\(out)/\(name)/loss.svg"))
        }
    }

    @Test func theTableShowsEveryRunAndTheEpochTheTargetWasReached() throws {
        let result = try Self.mlptop(["compare", "--vary", "optimizer=sgd,adam", "--dataset", "moons", "--epochs", "150",
                                      "--target-loss", "0.1", "--headless"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("optimizer  status  epochs") }, "\(lines)")
        #expect(lines[header].hasSuffix("train acc  test acc  target at  seconds"), "\(lines[header])")
        let sgd = lines[header + 1].split(separator: " ", omittingEmptySubsequences: true)
        let adam = lines[header + 2].split(separator: " ", omittingEmptySubsequences: true)
        #expect(sgd.prefix(3) == ["sgd", "done", "150"], "\(lines)")
        #expect(adam.prefix(3) == ["adam", "done", "150"], "\(lines)")
        // Plain gradient descent at lr 0.1 does not reach 0.1 in 150 epochs on moons; Adam does.
        #expect(sgd[sgd.count - 2] == "–", "\(lines)")
        #expect(Int(adam[adam.count - 2]).map { (1...150).contains($0) } == true, "\(lines)")
    }

    @Test func folderNamesAreSafeAndADivergedRunIsReported() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-names")
        let data = scratch.file("my data.csv")
        #expect(try Self.mlptop(["dataset", "moons", "--n", "60", "-o", data]).status == 0)
        let out = scratch.file("out")
        let result = try Self.mlptop(["compare", "--vary", "dataset=\(data),xor", "--vary", "lr=0.1,50", "--activation",
                                      "linear", "--epochs", "40", "--headless", "--out-dir", out])
        #expect(result.status == 0, "\(result.standardError)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        let safe = "dataset=" + data.replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: " ", with: "_")
        #expect(folders == ["\(safe),lr=0.1", "\(safe),lr=50", "dataset=xor,lr=0.1", "dataset=xor,lr=50", "loss.svg", "summary.json"])
        #expect(result.standardOutput.contains(" diverged "), "\(result.standardOutput)")
        let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        #expect(summary.contains("\"divergence\": \"loss became"), "\(summary)")
    }

    static let badGrids: [([String], String)] = [
        (["--vary", "lrr=0.1,0.3"], "mlptop: --vary lrr=0.1,0.3: unknown key \"lrr\"; the keys are train flags without the "
            + "dashes: dataset, n, noise, features, standardize, hidden, activation, loss, optimizer, lr, momentum, beta1, "
            + "beta2, eps, weight-decay, l1, batch, epochs, seed, test-fraction, init-from, l2"),
        (["--vary", "lr=0.1,-1"], "mlptop: --vary lr=-1: --lr must be a positive number, not -1.0"),
        // Each value is checked as the fork prompt checks it, with the same words.
        (["--vary", "lr=0.1,fast"], "mlptop: --vary lr=fast: --lr: 'fast' is not a number"),
        (["--vary", "l2=0,-1e-4"], "mlptop: --vary l2=-1e-4: --weight-decay must be 0 or more, not -0.0001"),
        (["--vary", "l2=0,1e-4", "--weight-decay", "0.1"], "mlptop: --weight-decay is both varied (--vary l2=0,1e-4) and given as a flag; drop one"),
        (["--vary", "standardize=true,maybe"], "mlptop: --vary standardize=maybe: --standardize takes true or false, not 'maybe'"),
        (["--vary", "hidden=8,8/16,0"], "mlptop: --vary hidden=16,0: --hidden: \"0\" is not a layer size (a whole number from 1 to 100000)"),
        (["--vary", "optimizer=sgd,rmsprop"], "mlptop: --vary optimizer=rmsprop: --optimizer: 'rmsprop' is not one of sgd, momentum, adam"),
        (["--vary", "optimizer=momentum,adam", "--momentum", "0.5"], "mlptop: --vary optimizer=adam: --momentum applies to --optimizer momentum only"),
        (["--vary", "lr=1,2,3,4,5,6,7,8,9", "--vary", "seed=1,2,3,4,5,6,7,8"], "mlptop: --vary makes 9 × 8 = 72 runs; at most 64"),
        (["--vary", "lr=0.1,0.3", "--lr", "0.2"], "mlptop: --lr is both varied (--vary lr=0.1,0.3) and given as a flag; drop one"),
        (["--vary", "lr=0.1", "--vary", "lr=0.3"], "mlptop: --vary lr is given twice"),
        (["--vary", "hidden=8,16"], "mlptop: --vary hidden=8,16 is one run (hidden 8,16); hidden's runs are separated by /, e.g. --vary hidden=8/16"),
        (["--vary", "lr=0.1,0.1"], "mlptop: --vary lr=0.1,0.1: the value \"0.1\" is listed twice"),
        (["--vary", "lr"], "mlptop: --vary lr: expected KEY=V1,V2,… (e.g. lr=0.03,0.1,0.3)"),
        ([], "mlptop: compare needs at least one --vary KEY=V1,V2,… (e.g. --vary lr=0.03,0.1,0.3)"),
        (["--vary", "lr=0.1", "--save", "m.json"], "mlptop: --save does not apply to compare: each run's model.json goes to --out-dir"),
        (["--vary", "lr=0.1", "--snapshot-dir", "cs"], "mlptop: --snapshot-dir does not apply to compare --headless: it "
            + "writes no snapshots (s in the monitor does; --out-dir gets each run's model.json and run.jsonl)"),
        (["--vary", "lr=0.1", "--snapshot-every", "5"], "mlptop: --snapshot-every does not apply to compare: compare "
            + "snapshots all its runs at once, with s in the monitor (--snapshot-dir says where)"),
        (["--vary", "lr=0.1", "--lrr", "3"], "mlptop: Unknown option '--lrr'. Did you mean '--lr'?"),
    ]

    @Test(arguments: badGrids)
    func aBadGridIsRefusedWithOneLine(_ arguments: [String], _ message: String) throws {
        let result = try Self.mlptop(["compare", "--headless", "--epochs", "5"] + arguments)
        #expect(result.status == 64, "\(arguments): \(result.standardOutput)\(result.standardError)")
        #expect(result.standardError == message + "\n")
        #expect(result.standardOutput.isEmpty, "nothing trains: \(result.standardOutput)")
    }

    @Test func withoutATerminalItRunsHeadlessAndNeedsEpochs() throws {
        // No terminal: the table, as with --headless.
        let result = try Self.mlptop(["compare", "--vary", "lr=0.1,0.3", "--epochs", "5", "--dataset", "xor"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("\n0.3  done"), "\(result.standardOutput)")
        // Needing --epochs headless.
        let endless = try Self.mlptop(["compare", "--vary", "lr=0.1,0.3", "--headless"])
        #expect(endless.status == 64)
        #expect(endless.standardError.hasPrefix("mlptop: compare --headless needs --epochs N"), "\(endless.standardError)")
        // No terminal and no --headless: headless all the same, and the message says why.
        let piped = try Self.mlptop(["compare", "--vary", "lr=0.1,0.3"])
        #expect(piped.status == 64)
        #expect(piped.standardError.hasPrefix("mlptop: compare without a terminal (headless) needs --epochs N"),
                "\(piped.standardError)")
    }
}
