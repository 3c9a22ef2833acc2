import Foundation

extension Inspector {
    /// The sample `w` selects: the one with the largest loss (the first of equals), and the message
    /// naming it, numbered from 0 as the inspector, the README and `inspect --sample` count. Nil
    /// when there are no losses.
    public static func worstSample(losses: [Double]) -> (sample: Int, message: String)? {
        guard let worst = losses.indices.max(by: { losses[$0] < losses[$1] }) else { return nil }
        return (worst, "sample \(worst) has the largest loss, \(String(format: "%.4g", losses[worst]))")
    }
}
