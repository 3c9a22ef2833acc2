import Monitor
import Testing

/// A run's name in the loss chart's legend: only the settings that differ from the run on show.
@Suite struct RunLegendLabelTests {
    @Test("a grid's run keeps only the settings that differ from the selected run's")
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
