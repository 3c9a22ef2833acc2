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

    /// The layout of a `width` × `height` screen.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let rows = screen.rows([.fixed(1), .fill, .fixed(1), .fixed(1)])
        status = rows[0]
        message = rows[2]
        legend = rows[3]
        let bands = rows[1].rows([.ratio(3, 5), .fill])
        let upper = bands[0].columns([.ratio(11, 20), .fill])
        let lower = bands[1].columns([.ratio(1, 2), .fill])
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
