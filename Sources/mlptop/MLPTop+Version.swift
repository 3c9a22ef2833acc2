extension MLPTop {
    /// The program's version, the one place it is written: `mlptop --version` prints it.
    static let version = "0.9.0"
}
