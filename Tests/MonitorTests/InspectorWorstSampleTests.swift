import Monitor
import Testing

/// `w` in the network view: the message names the sample the inspector then shows, counted from 0.
@Suite struct InspectorWorstSampleTests {
    @Test func theMessageNamesTheSelectedSampleCountedFromZero() throws {
        let worst = try #require(Inspector.worstSample(losses: [0.1, 1.892, 0.5]))
        #expect(worst.sample == 1)
        #expect(worst.message == "sample 1 has the largest loss, 1.892")
    }

    @Test func noSamplesNoneSelected() {
        #expect(Inspector.worstSample(losses: []) == nil)
    }
}
