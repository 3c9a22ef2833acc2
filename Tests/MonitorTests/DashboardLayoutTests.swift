import Monitor
import TerminalUI
import Testing

@Suite("Dashboard layout at several sizes")
struct DashboardLayoutTests {
    @Test("120×40: exact rectangles")
    func standardSize() {
        let layout = DashboardLayout(width: 120, height: 40)
        #expect(layout.fits)
        #expect(layout.status == Rect(x: 0, y: 0, width: 120, height: 1))
        #expect(layout.loss == Rect(x: 0, y: 1, width: 66, height: 22))
        #expect(layout.map == Rect(x: 66, y: 1, width: 54, height: 22))
        #expect(layout.weights == Rect(x: 0, y: 23, width: 60, height: 15))
        #expect(layout.gradients == Rect(x: 60, y: 23, width: 60, height: 15))
        #expect(layout.message == Rect(x: 0, y: 38, width: 120, height: 1))
        #expect(layout.legend == Rect(x: 0, y: 39, width: 120, height: 1))
    }

    @Test("every size that fits is tiled exactly, and bigger windows give panels more room",
          arguments: [(80, 24), (60, 20), (60, 18), (120, 40), (240, 70), (300, 100)])
    func tiles(width: Int, height: Int) {
        let layout = DashboardLayout(width: width, height: height)
        #expect(layout.fits)
        let parts = [layout.status, layout.message, layout.legend] + layout.panels
        #expect(parts.reduce(0) { $0 + $1.width * $1.height } == width * height)
        for (i, a) in parts.enumerated() {
            #expect(!a.isEmpty)
            #expect(a.intersection(Rect(x: 0, y: 0, width: width, height: height)) == a)
            for b in parts[(i + 1)...] { #expect(a.intersection(b).isEmpty, "\(a) overlaps \(b)") }
        }
        let smaller = DashboardLayout(width: 60, height: 18)
        #expect(layout.map.width >= smaller.map.width && layout.map.height >= smaller.map.height)
        #expect(layout.weights.height >= smaller.weights.height)
    }

    @Test("below 60×18 the dashboard does not fit", arguments: [(59, 40), (120, 17), (0, 0), (1, 1)])
    func tooSmall(width: Int, height: Int) {
        #expect(!DashboardLayout(width: width, height: height).fits)
    }
}
