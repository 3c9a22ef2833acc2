import TerminalUI

/// Where each part of the dashboard goes on a screen of a given size.
///
/// Top to bottom: the status bar; the loss chart beside the decision map; the weight heatmap
/// beside the gradient norms; the message line; the key legend. The middle rows share out what is
/// left (three fifths to the upper pair), so bigger windows give every panel more room. Below
/// `minimumWidth` × `minimumHeight` nothing fits and `fits` is false.
public struct DashboardLayout: Hashable, Sendable {
    /// The narrowest screen the dashboard is drawn on.
    public static let minimumWidth = 60
    /// The lowest screen the dashboard is drawn on.
    public static let minimumHeight = 18

    /// The screen's size.
    public let width: Int
    public let height: Int
    /// The status bar (one row).
    public let status: Rect
    /// The loss chart panel.
    public let loss: Rect
    /// The decision map panel.
    public let map: Rect
    /// The weight heatmap panel.
    public let weights: Rect
    /// The gradient norm panel.
    public let gradients: Rect
    /// The message line (one row).
    public let message: Rect
    /// The key legend (one row).
    public let legend: Rect

    /// A lesson's notes line under the status bar (empty without notes).
    public let notes: Rect

    /// The layout of a `width` × `height` screen, without the `hidden` panels (empty rectangles:
    /// a lone panel of a pair takes the pair's width, a pair with none left gives its rows to the
    /// other) and with a notes line under the status bar when `notesLine` is true.
    public init(width: Int, height: Int, hidden: Set<DashboardPanel> = [], notesLine: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let rows = screen.rows([.fixed(1), .fixed(notesLine ? 1 : 0), .fill, .fixed(1), .fixed(1)])
        status = rows[0]
        notes = rows[1]
        message = rows[3]
        legend = rows[4]
        let showsUpper = !hidden.isSuperset(of: [.loss, .map]), showsLower = !hidden.isSuperset(of: [.weights, .gradients])
        let bands = showsUpper && showsLower ? rows[2].rows([.ratio(3, 5), .fill])
            : showsUpper ? [rows[2], Rect(x: 0, y: 0, width: 0, height: 0)] : [Rect(x: 0, y: 0, width: 0, height: 0), rows[2]]
        /// A pair of panels side by side, the first taking `ratio` of the width; a hidden one is empty.
        func pair(_ band: Rect, _ first: DashboardPanel, _ second: DashboardPanel, ratio: LayoutSize) -> [Rect] {
            let none = Rect(x: band.x, y: band.y, width: 0, height: 0)
            switch (hidden.contains(first), hidden.contains(second)) {
            case (false, false): return band.columns([ratio, .fill])
            case (false, true): return [band, none]
            case (true, false): return [none, band]
            case (true, true): return [none, none]
            }
        }
        let upper = pair(bands[0], .loss, .map, ratio: .ratio(11, 20))
        let lower = pair(bands[1], .weights, .gradients, ratio: .ratio(1, 2))
        loss = upper[0]
        map = upper[1]
        weights = lower[0]
        gradients = lower[1]
    }

    /// Whether the screen is big enough for the dashboard.
    public var fits: Bool { width >= Self.minimumWidth && height >= Self.minimumHeight }

    /// Every panel rectangle, for checks that they tile the screen.
    public var panels: [Rect] { [loss, map, weights, gradients] }
}
