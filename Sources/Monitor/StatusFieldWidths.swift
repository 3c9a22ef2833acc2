import TerminalUI

/// The widest text each number of the status bar can take, so its fields have fixed widths.
///
/// A loss is printed `%.4g`: at most 9 characters for any finite non-negative value
/// (`0.0001234`, `1.234e-05`, `1.234e+04`); `inf` and `nan` are shorter. An accuracy is at most
/// `100.0%` (6); an R² (`NumberFormat.score`, 3 decimals, `%.3g` from 10⁴) at most 9 (`-9999.999`).
struct StatusFieldWidths {
    static let loss = 9
    /// The widest accuracy or R².
    let quality: Int

    init(regression: Bool) {
        quality = regression ? 9 : 6
    }

    /// `train loss L acc A` at its widest.
    func trainField(_ metric: String) -> Int { TextFit.width("train loss ") + Self.loss + 2 + TextFit.width(metric) + quality }
    /// `test loss L acc A` at its widest.
    func testField(_ metric: String) -> Int { TextFit.width("test loss ") + Self.loss + 2 + TextFit.width(metric) + quality }
    /// `loss L/L` at its widest.
    var lossPair: Int { TextFit.width("loss ") + 2 * Self.loss + 1 }
    /// `acc A/A` at its widest.
    func qualityPair(_ metric: String) -> Int { TextFit.width(metric) + 1 + 2 * quality + 1 }
}
