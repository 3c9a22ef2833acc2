import Datasets
import Foundation
import Training

extension SettingsPanel {
    /// Left (−1) or Right (+1) on `row`: the commands to send; the note says what happened.
    static func step(
        _ row: SettingsRow, by direction: Int, panel: inout SettingsPanelState, configuration c: RunConfiguration,
        context: Context
    ) -> [TrainerCommand] {
        func change(_ setting: RunSetting, _ value: String) -> [TrainerCommand] {
            apply(SettingChange(setting, value), panel: &panel, context: context)
        }
        func note(_ text: String) -> [TrainerCommand] {
            panel.note = text
            panel.noteIsError = true
            return []
        }
        let up = direction > 0
        switch row {
        case .setting(let setting) where setting.choices != nil:
            let choices = setting.choices ?? []
            let current = c.value(of: setting)
            let start = choices.firstIndex(of: current).map { ($0 + direction + choices.count) % choices.count }
                ?? (up ? 0 : choices.count - 1)
            // A choice these data refuse (bce for 3 classes) is passed over, so Left and Right reach
            // every one that applies; when none does, the first refusal is said.
            var refused: SettingsPanelState?
            for offset in 0..<max(1, choices.count - 1) {
                var trial = panel
                let commands = apply(SettingChange(setting, choices[(start + offset * direction + choices.count * choices.count) % choices.count]),
                                     panel: &trial, context: context)
                if !trial.noteIsError {
                    panel = trial
                    return commands
                }
                refused = refused ?? trial
            }
            panel = refused ?? panel
            return []
        case .setting(.n):
            guard let generator = BuiltInDataset.named(c.dataset) else { return note("--n applies to built-in data sets only, and \(c.dataset) is a file") }
            let n = c.sampleCount ?? generator.defaultCount
            return change(.n, "\(up ? n * 2 : max(2, n / 2))")
        case .setting(.noise):
            guard let generator = BuiltInDataset.named(c.dataset) else { return note("--noise applies to built-in data sets only, and \(c.dataset) is a file") }
            return change(.noise, "\(hundredths(max(0, (c.noise ?? generator.defaultNoise) + 0.05 * Double(direction))))")
        case .setting(.testFraction):
            return change(.testFraction, "\(hundredths(min(0.9, max(0, c.testFraction + 0.05 * Double(direction)))))")
        case .setting(.features):
            return note("Enter types the features, e.g. x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2) (empty: the raw columns)")
        case .layerCount:
            var sizes = c.hiddenSizes
            if up { sizes.append(sizes.last ?? 4) } else {
                guard !sizes.isEmpty else { return note("no hidden layers left to remove") }
                sizes.removeLast()
            }
            return change(.hidden, sizes.map(String.init).joined(separator: ","))
        case .layer(let k):
            var sizes = c.hiddenSizes
            guard k < sizes.count else { return [] }
            guard up || sizes[k] > 1 else { return note("a layer keeps at least 1 neuron; remove the layer with hidden layers") }
            sizes[k] += up ? 1 : -1
            return change(.hidden, sizes.map(String.init).joined(separator: ","))
        case .setting(.lr):
            // Exactly the command + and - send, so the two agree bit for bit.
            panel.note = up ? "lr doubled (as + does)" : "lr halved (as - does)"
            panel.noteIsError = false
            return [.scaleLearningRate(up ? 2 : 0.5)]
        case .setting(.momentum):
            return change(.momentum, "\(hundredths(min(0.95, max(0, c.optimizer.momentum + 0.05 * Double(direction)))))")
        case .setting(.beta1):
            return change(.beta1, "\(hundredths(min(0.99, max(0, c.optimizer.beta1 + 0.01 * Double(direction)))))")
        case .setting(.beta2):
            return change(.beta2, "\(ladder([0.9, 0.99, 0.999, 0.9999], from: c.optimizer.beta2, up: up))")
        case .setting(.eps):
            return change(.eps, "\(ladder([1e-12, 1e-10, 1e-8, 1e-6, 1e-4], from: c.optimizer.epsilon, up: up))")
        case .setting(.l1):
            return change(.l1, "\(ladder(penalties, from: c.optimizer.l1, up: up))")
        case .setting(.l2):
            return change(.l2, "\(ladder(penalties, from: c.optimizer.weightDecay, up: up))")
        case .setting(.batch):
            let count = Double(context.run.trainingSet.count)
            let current = c.batch.flatMap { if case .samples(let n) = $0 { Double(n) } else { nil } } ?? count
            let sizes = batchSizes.filter { $0 < count }
            let next = ladder(sizes + [count], from: current, up: up)
            return change(.batch, next >= count ? "full" : "\(Int(next))")
        case .setting(.seed):
            guard up || c.seed > 0 else { return note("the seed is 0 or more") }
            return change(.seed, "\(up ? c.seed &+ 1 : c.seed - 1)")
        case .speed:
            let limit = up ? MonitorViewState.faster(than: context.speedLimit) : MonitorViewState.slower(than: context.speedLimit)
            panel.note = limit.map { "speed limited to \(formatRate($0)) epochs/s" } ?? "speed limit off"
            panel.noteIsError = false
            return [.limitSpeed(limit)]
        case .setting:
            return []
        }
    }

    /// Enter on `row` with `typed`: the commands to send.
    static func set(
        _ row: SettingsRow, to typed: String, panel: inout SettingsPanelState, configuration c: RunConfiguration,
        context: Context
    ) -> [TrainerCommand] {
        let text = typed.trimmingCharacters(in: .whitespaces)
        func refuse(_ message: String) -> [TrainerCommand] {
            panel.note = message
            panel.noteIsError = true
            return []
        }
        switch row {
        case .speed:
            // As --speed is checked.
            guard let speed = Double(text), speed.isFinite, speed >= 0 else {
                return refuse("--speed must be 0 (no limit) or a positive number of epochs per second, not \(text)")
            }
            panel.note = speed == 0 ? "speed limit off" : "speed limited to \(formatRate(speed)) epochs/s"
            panel.noteIsError = false
            return [.limitSpeed(speed == 0 ? nil : speed)]
        case .setting(.lr):
            do {
                let rate = try c.applying(.lr, text).optimizer.learningRate
                panel.note = "lr set to \(formatRate(rate))"
                panel.noteIsError = false
                return [.setLearningRate(rate)]
            } catch {
                return refuse(error.description)
            }
        case .layerCount:
            guard let count = Int(text), (0...100).contains(count) else {
                return refuse("hidden layers: '\(text)' is not a number of layers from 0 to 100")
            }
            var sizes = Array(c.hiddenSizes.prefix(count))
            while sizes.count < count { sizes.append(sizes.last ?? 4) }
            return apply(SettingChange(.hidden, sizes.map(String.init).joined(separator: ",")), panel: &panel, context: context)
        case .layer(let k):
            var sizes = c.hiddenSizes.map(String.init)
            guard k < sizes.count else { return [] }
            sizes[k] = text
            return apply(SettingChange(.hidden, sizes.joined(separator: ",")), panel: &panel, context: context)
        case .setting(let setting):
            return apply(SettingChange(setting, text), panel: &panel, context: context)
        }
    }

    /// Checks `change` by preparing the run it makes (with the pending changes): a live change is
    /// sent at once, a reset change joins the pending list; a refusal is the panel's note.
    static func apply(_ change: SettingChange, panel: inout SettingsPanelState, context: Context) -> [TrainerCommand] {
        if let refusal = ignoredRefusal(.setting(change.setting), in: context.run.configuration) {
            panel.note = refusal
            panel.noteIsError = true
            return []
        }
        if change.setting.forcesReset, change.value == context.run.configuration.value(of: change.setting) {
            // Back to the run's own value: nothing to wait for on this setting any more.
            panel.pending.removeAll { $0.setting == change.setting }
            panel.note = panel.pending.isEmpty
                ? "\(change) is the run's own setting: nothing pending"
                : "\(change) is the run's own setting; still pending: "
                    + panel.pending.map(\.description).joined(separator: " ")
            panel.noteIsError = false
            return []
        }
        let changes = change.setting.forcesReset ? panel.pending.filter { $0.setting != change.setting } + [change] : [change]
        do {
            let redefinition = try context.run.redefinition(applying: changes, learningRate: context.learningRate)
            if change.setting.forcesReset {
                panel.stage(change)
                panel.note = "pending: \(change); y starts again with fresh weights, u undoes"
                panel.noteIsError = false
                return []
            }
            panel.note = "\(change): from the next epoch, on the current weights"
            panel.noteIsError = false
            return [.redefine(redefinition)]
        } catch {
            panel.note = error.description + "; the run is unchanged"
            panel.noteIsError = true
            return []
        }
    }

    /// L1 and L2 strengths Left and Right step through.
    static let penalties = [0, 1e-5, 1e-4, 1e-3, 1e-2, 0.1]
    /// Mini-batch sizes Left and Right step through (then the full set).
    static let batchSizes: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096]

    /// The next value of `values` (ascending) above `x`, or the one below; `x` itself at the ends.
    static func ladder(_ values: [Double], from x: Double, up: Bool) -> Double {
        up ? values.first { $0 > x * (1 + 1e-12) } ?? values.last ?? x : values.last { $0 < x * (1 - 1e-12) } ?? values.first ?? x
    }

    /// `x` to two decimals, so steps of 0.05 read as typed.
    static func hundredths(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
