import ArgumentParser
import Monitor

/// The options of the commands that draw a monitor screen or print it as text (`show`, `watch`).
struct ScreenOptions: ParsableArguments {
    @Flag(help: "Write the screen as text to standard output instead of opening the monitor.")
    var print = false

    @Option(help: "Screen width for --print (60 to 1000).")
    var width = 120

    @Option(help: "Screen height for --print (18 to 1000).")
    var height = 40

    @Flag(help: "Draw with plain ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    /// A printed screen is the whole dashboard, so it is at least the size the dashboard draws in
    /// (`DashboardLayout.minimumWidth` × `minimumHeight`), not the live monitor's "enlarge the
    /// window" notice (or blank lines, where even that does not fit).
    func validate() throws {
        let columns = DashboardLayout.minimumWidth...1000, rows = DashboardLayout.minimumHeight...1000
        // Only the sizes out of range are named (a default the user did not type is not).
        var given: [String] = [], needed: [String] = []
        if !columns.contains(width) {
            given.append("--width \(width)")
            needed.append("--width \(columns.lowerBound) to \(columns.upperBound)")
        }
        if !rows.contains(height) {
            given.append("--height \(height)")
            needed.append("--height \(rows.lowerBound) to \(rows.upperBound)")
        }
        guard given.isEmpty else {
            throw ValidationError(given.joined(separator: " ") + ": the dashboard needs " + needed.joined(separator: " and "))
        }
    }
}
