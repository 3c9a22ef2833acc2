// swift-tools-version: 6.1
// mlptop: watch a multilayer perceptron learn, in a terminal.
//
// Dependencies point one way:
//   MLPEngine ← Datasets ← Training ← Monitor ← mlptop
//   TerminalUI ← Monitor,  TerminalUI ← CursesBackend ← mlptop
import PackageDescription

/// Hot numeric code is compiled with optimisation even in debug builds, so that the test suite
/// (which trains real networks) runs in seconds; `-O` is what a release build uses anyway.
let optimisedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "mlptop",
    products: [
        .executable(name: "mlptop", targets: ["mlptop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        // The maths: matrices, activations, losses, layers, network, optimisers, RNG, model file.
        .systemLibrary(name: "COpenBLAS", path: "Sources/COpenBLAS"),
        // exp and tanh over arrays through glibc's vector math library (libmvec).
        .target(name: "CVectorMath", cSettings: [.unsafeFlags(["-O2"])], linkerSettings: [.linkedLibrary("mvec")]),
        .target(name: "MLPEngine", dependencies: ["COpenBLAS", "CVectorMath"], swiftSettings: optimisedInDebug),
        // Generators, the strict CSV reader, splits and feature maps.
        .target(name: "Datasets", dependencies: ["MLPEngine"], swiftSettings: optimisedInDebug),
        // The trainer on Dispatch, commands, metrics, history, snapshots.
        .target(name: "Training", dependencies: ["MLPEngine", "Datasets"], swiftSettings: optimisedInDebug),
        // `mlptop watch`: following a JSONL log, a metrics.csv or TensorBoard event files as they grow.
        .target(name: "Watch", dependencies: ["MLPEngine", "Training",
                                              .product(name: "SwiftProtobuf", package: "swift-protobuf")],
                exclude: ["Proto/tensorboard_event.proto"], swiftSettings: optimisedInDebug),
        // Cells, buffers and widgets: pure, no I/O, imports nothing of ours.
        .target(name: "TerminalUI"),
        // View state, key map, dashboard layout.
        // Every target lists each of our modules it imports, not only through another: a module
        // reached only indirectly is not rebuilt against, and stale copies of its types' value
        // witnesses crashed MonitorTests once (swiftlang/swift#89636).
        .target(name: "Monitor", dependencies: ["MLPEngine", "Datasets", "Training", "TerminalUI", "Watch"]),
        // The only code that talks to the terminal.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Writes the terminal's restore sequences if the process dies of a fatal signal.
        .target(name: "CTerminalRestore"),
        .target(name: "CursesBackend", dependencies: ["TerminalUI", "CNcursesw", "CTerminalRestore"]),
        // Fixed benchmark workloads behind `mlptop bench`.
        .target(name: "Benchmarks", dependencies: ["MLPEngine", "Datasets", "Training", "COpenBLAS"],
                swiftSettings: optimisedInDebug),
        .executableTarget(
            name: "mlptop",
            dependencies: [
                "MLPEngine", "Datasets", "Training", "Monitor", "TerminalUI", "CursesBackend", "Benchmarks", "Watch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Helpers that only tests use (buffer assertions, tmux driver, temp files).
        .target(name: "TestSupport", dependencies: ["TerminalUI"]),

        .testTarget(name: "MLPEngineTests", dependencies: ["MLPEngine", "CVectorMath", "COpenBLAS", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "MLPEngine", "TestSupport"]),
        .testTarget(name: "TrainingTests", dependencies: ["Training", "Datasets", "MLPEngine", "TestSupport"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TestSupport"]),
        .testTarget(name: "WatchTests", dependencies: ["Watch", "Training", "MLPEngine", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "MonitorTests", dependencies: ["Monitor", "MLPEngine", "Datasets", "Training", "TerminalUI",
                                                         "TestSupport", "Watch"]),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "MLPEngine"]),
    ],
    swiftLanguageModes: [.v6]
)
