import Foundation
import Testing
import TestSupport

/// A snapshot whose data file has gone since: the error says it is the snapshot's data.
@Suite struct SnapshotDataGoneTests {
    @Test func showAndResumeNameTheSnapshotsDataSet() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-data-gone")
        let data = folder.file("gone.csv")
        try FileManager.default.copyItem(atPath: WatchEndToEndTests.root + "/datasets/iris.csv", toPath: data)
        let snaps = folder.file("snaps")
        let trained = try CommandLineTests.mlptop(["train", "--headless", "--dataset", data, "--epochs", "3",
                                                   "--snapshot-dir", snaps, "--snapshot-every", "3"])
        #expect(trained.status == 0, "\(trained.standardError)")
        let snapshot = snaps + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: snaps).first))
        try FileManager.default.removeItem(atPath: data)
        for arguments in [["show", snapshot, "--print"], ["train", "--resume", snapshot, "--headless", "--epochs", "5"]] {
            let result = try CommandLineTests.mlptop(arguments)
            #expect(result.status == 66)
            #expect(result.standardError == "mlptop: \(snapshot)/run.json: the snapshot's data set: \(data): cannot open: no such file\n")
        }
    }
}
