import Monitor
import Testing

/// A run's name in the loss chart's legend: only the settings that differ from another run's.
@Suite struct RunLegendLabelTests {
    @Test("a grid's run keeps only the settings that differ from the other run's")
    func differingSettings() {
        #expect(Dashboard.legendLabel("lr=0.03,optimizer=adam", beside: "lr=0.03,optimizer=sgd") == "optimizer=adam")
        #expect(Dashboard.legendLabel("lr=0.3,optimizer=adam", beside: "lr=0.03,optimizer=sgd") == "lr=0.3,optimizer=adam")
    }

    @Test("a value's own commas stay with it")
    func commasInValues() {
        #expect(Dashboard.legendLabel("hidden=8,8,lr=0.1", beside: "hidden=16,lr=0.1") == "hidden=8,8")
        #expect(Dashboard.legendLabel("hidden=16,lr=0.3", beside: "hidden=16,lr=0.1") == "lr=0.3")
    }

    @Test("labels not made of settings, or equal ones, are kept whole")
    func keptWhole() {
        #expect(Dashboard.legendLabel("main", beside: "lr=0.1") == "main")
        #expect(Dashboard.legendLabel("lr=0.1", beside: "main") == "lr=0.1")
        #expect(Dashboard.legendLabel("lr=0.1", beside: "lr=0.1") == "lr=0.1")
    }

    @Test("the short name keeps the values only; other labels are unchanged")
    func valuesOnly() {
        #expect(Dashboard.legendValues("lr=0.3,hidden=8,8") == "0.3 8,8")
        #expect(Dashboard.legendValues("optimizer=momentum") == "momentum")
        #expect(Dashboard.legendValues("main") == "main")
    }
}

/// Each run of a comparison keeps one name, whichever run is on show.
@Suite struct RunLegendStableNameTests {
    static let grid = ["lr=0.03,optimizer=sgd", "lr=0.03,optimizer=adam", "lr=0.3,optimizer=sgd", "lr=0.3,optimizer=adam"]

    @Test("a 2×2 grid's runs are named by what differs from the first run, the first in full")
    func namedFromTheFirstRun() {
        let names = Self.grid.indices.map { Dashboard.legendNames($0, labels: Self.grid, pinned: false) }
        #expect(names.map(\.name) == ["1 lr=0.03,optimizer=sgd", "2 optimizer=adam", "3 lr=0.3", "4 lr=0.3,optimizer=adam"])
        #expect(names.map(\.shortName) == ["1 0.03 sgd", "2 adam", "3 0.3", "4 0.3 adam"])
        #expect(Dashboard.legendNames(2, labels: Self.grid, pinned: true).name == "3* lr=0.3")
    }

    @Test("forks of the main run keep their own labels")
    func forks() {
        let labels = ["main", "lr=0.3", "optimizer=adam"]
        #expect(labels.indices.map { Dashboard.legendNames($0, labels: labels, pinned: false).name }
                == ["1 main", "2 lr=0.3", "3 optimizer=adam"])
    }

    @Test("the legend compares with the run on show, and its short form keeps a key the shown run's label lacks")
    func besideTheRunOnShow() {
        let labels = ["lr=0.03", "lr=0.3", "optimizer=adam,lr=0.01", "hidden=4"]
        // Run 2 (index 1) on show: run 1 is named by its lr only.
        #expect(Dashboard.legendNames(0, labels: labels, pinned: false, shown: 1).name.hasSuffix("lr=0.03"))
        // Run 4 on show: hidden=4 shares no key with lr=0.03, so the short forms keep their keys.
        #expect(Dashboard.legendNames(3, labels: labels, pinned: false, shown: 0).shortName.hasSuffix("hidden=4"))
        #expect(Dashboard.legendNames(1, labels: labels, pinned: false, shown: 0).shortName.hasSuffix(" 0.3"))
        #expect(Dashboard.legendValues("optimizer=adam,lr=0.01", keysKnownFrom: "lr=0.03") == "optimizer=adam 0.01")
    }
}
