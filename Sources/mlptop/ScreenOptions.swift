import ArgumentParser

/// The options of the commands that draw a monitor screen or print it as text (`show`, `watch`).
struct ScreenOptions: ParsableArguments {
    @Flag(help: "Write the screen as text to standard output instead of opening the monitor.")
    var print = false

    @Option(help: "Screen width for --print.")
    var width = 120

    @Option(help: "Screen height for --print.")
    var height = 40

    @Flag(help: "Draw with plain ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    func validate() throws {
        guard (1...1000).contains(width), (1...1000).contains(height) else {
            throw ValidationError("--width and --height must be between 1 and 1000")
        }
    }
}
