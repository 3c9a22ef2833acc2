#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Training

extension WatchSource {
    /// Why `command` is not sent, when no writer seems to be there to read it: the JSONL log has
    /// not grown for `quietAfter` seconds or more (its modification time is the writer's only
    /// heartbeat). The caller asks only while this watcher has not paused the writer itself (a
    /// writer paused in `obey` logs nothing, yet reads on: resume and the learning-rate keys still
    /// go to it). Nil: send it. `now` is the wall clock in seconds since 1970.
    func writerSilence(before command: ControlChannel.Command, now: Double = Date().timeIntervalSince1970) -> String? {
        if case .resume = command { return nil }
        let name = WatchedFacts.shortName(of: options.path), what = Self.refusalKind(of: command)
        guard let age = sourceAge(now: now) else {
            return "\(what) not sent: no writer (\(name) does not exist yet)"
        }
        guard age >= Self.quietAfter else { return nil }
        return "\(what) not sent: no writer (\(name) unchanged for \(Self.durationText(age)))"
    }

    /// What a command refused for a silent log is called (`pause`, `snapshot request`, `lr
    /// change`): the start of the refusal, and what "the same key again" means.
    static func refusalKind(of command: ControlChannel.Command) -> String {
        switch command {
        case .pause: "pause"
        case .snapshot: "snapshot request"
        default: "lr change"
        }
    }

    /// Seconds since the source last changed by its modification time (a directory's: its newest
    /// file's, as TensorBoard appends to files inside it); nil when it does not exist or is
    /// standard input. `now` is the wall clock in seconds since 1970.
    func sourceAge(now: Double = Date().timeIntervalSince1970) -> Double? {
        guard options.path != "-" else { return nil }
        func modified(_ path: String) -> (time: Double, isDirectory: Bool)? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            return (Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9, (info.st_mode & S_IFMT) == S_IFDIR)
        }
        guard let top = modified(options.path) else { return nil }
        var newest = top.time
        if top.isDirectory, let files = FileManager.default.enumerator(atPath: options.path) {
            for case let file as String in files {
                if let inside = modified(options.path + "/" + file) { newest = max(newest, inside.time) }
            }
        }
        return now - newest
    }

    /// `42 s`, `12 min`, `3 h`, `2 days`.
    static func durationText(_ seconds: Double) -> String {
        switch seconds {
        case ..<120: "\(Int(seconds)) s"
        case ..<7200: "\(Int(seconds / 60)) min"
        case ..<172_800: "\(Int(seconds / 3600)) h"
        default: "\(Int(seconds / 86400)) days"
        }
    }
}
