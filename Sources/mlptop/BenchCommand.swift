import ArgumentParser
import Benchmarks
import Foundation

/// `mlptop bench`: training throughput on fixed workloads, and the machine's DGEMM peak.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure training speed (epochs/s, GFLOP/s) on fixed workloads.",
        discussion: """
            Workloads (full-batch gradient descent, one step per epoch, unless noted):
              small      2-8-8-1 sigmoid, mse, 200 xor points
              medium     2-32-32-1 tanh, sigmoid output, bce, 2,000 circle points
              large      2-256-256-1 relu, sigmoid output, bce, 20,000 spiral points
              minibatch  2-16-16-1 relu, sigmoid output, bce, 2,000 moons points, batch 32 shuffled
              peak       OpenBLAS DGEMM 1024×1024×1024: this machine's matrix-product limit
            GFLOP/s counts 6 × weights × samples per epoch (2 forward, 4 backward); peak counts 2n³.
            Build with -c release for meaningful numbers.
            """
    )

    @Option(help: "small, medium, large, minibatch, peak, or all (the four workloads and peak).")
    var workload = "all"

    @Option(help: "Threads for the gradient (and for DGEMM in peak).")
    var threads = 1

    @Option(help: "Seconds of timing per workload (after a short warm-up).")
    var seconds = 3.0

    @Flag(help: "One JSON object per line instead of a table.")
    var json = false

    func validate() throws {
        let names = Workload.all.map(\.name) + ["peak", "all"]
        guard names.contains(workload) else {
            throw ValidationError("unknown workload \"\(workload)\"; choose one of: \(names.joined(separator: ", "))")
        }
        guard threads >= 1 && threads <= 256 else { throw ValidationError("--threads must be between 1 and 256") }
        guard seconds > 0 && seconds <= 3600 else { throw ValidationError("--seconds must be in (0, 3600]") }
    }

    func run() {
        let chosen = workload == "all" ? Workload.all : Workload.all.filter { $0.name == workload }
        if !json {
            StandardStreams.output("workload    threads    epochs/s     GFLOP/s   seconds")
        }
        func show(_ r: BenchmarkResult) {
            if json {
                StandardStreams.output(r.json)
            } else {
                StandardStreams.output(String(format: "%-10@ %8d %11.1f %11.2f %9.2f", r.workload as NSString, r.threads,
                                              r.epochsPerSecond, r.gflops, r.seconds))
            }
        }
        for w in chosen { show(BenchmarkRunner.measure(w, threads: threads, seconds: seconds)) }
        if workload == "peak" || workload == "all" { show(BenchmarkRunner.peak(threads: threads, seconds: seconds)) }
    }
}
