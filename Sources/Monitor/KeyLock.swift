import TerminalUI

/// The keys a lesson locks (`"locked": ["r", "+"]`) and the settings it locks (`"lr"`): a locked
/// key does nothing but say so, in every view, and the help marks it.
///
/// A key locks its whole binding in each view (locking `+` locks `=` too, which does the same).
/// Locking a setting locks the keys that change it (`lr`: `+ - [ ]`; `speed`: `< >`), and a
/// settings panel asks `isLocked(setting:)`. Quit, help and Esc cannot be locked.
public struct KeyLock: Sendable, Equatable {
    /// Key names as the help shows them (`r`, `+`, `Space`, `Tab`).
    public private(set) var keys: Set<String> = []
    /// Lesson field names (`lr`, `hidden`).
    public private(set) var settings: Set<String> = []
    /// Every key and setting locked, in the order they were locked (each once).
    public private(set) var names: [String] = []
    /// Whether `v` (the network view) is refused because a lesson hides that view.
    public var networkHidden = false

    public init() {}

    /// The key names a lesson may lock: every key of the dashboard's and the network view's tables
    /// but quit, help and Esc.
    public static var lockableKeys: Set<String> {
        Set((KeyMap.standard.bindings + KeyMap.network.bindings).flatMap { $0.label.split(separator: " ").map(String.init) })
            .subtracting(unlockableKeys)
    }

    /// Keys that always work, so a lesson can always be left and its keys read.
    public static let unlockableKeys: Set<String> = ["q", "?", "Esc"]

    /// Locks `name`: a key name from the help or a lesson field (setting) name; the error is the reason.
    public mutating func lock(_ name: String) -> Result<Void, LessonFieldError> {
        if Self.unlockableKeys.contains(name) {
            return .failure(LessonFieldError("\(name) cannot be locked: quit (q), help (?) and Esc always work"))
        }
        if Self.lockableKeys.contains(name) {
            keys.insert(name)
        } else if LessonField.named(name) != nil {
            settings.insert(name)
        } else {
            return .failure(LessonFieldError("\"\(name)\" is no key of the monitor (keys as the help names them: r, +, "
                                             + "Space, Tab ...) and no setting"))
        }
        if !names.contains(name) { names.append(name) }
        return .success(())
    }

    /// Whether the lesson locks the setting `name` (a lesson field name: `lr`, `hidden`, `optimizer`).
    public func isLocked(setting name: String) -> Bool { settings.contains(name) }

    /// Whether the lesson locks `binding`: one of its keys, or a setting its action changes.
    public func isLocked(_ binding: KeyBinding) -> Bool {
        if networkHidden, binding.action == .toggleScreen { return true }
        if binding.label.split(separator: " ").contains(where: { keys.contains(String($0)) }) { return true }
        return Self.setting(changedBy: binding.action).map(settings.contains) ?? false
    }

    /// The lesson field a key's action changes, if any.
    static func setting(changedBy action: MonitorAction) -> String? {
        switch action {
        case .scaleLearningRate: "lr"
        case .slower, .faster: "speed"
        default: nil
        }
    }

    /// What pressing `key` says instead of acting when its `binding` is locked.
    func refusal(for key: Key, binding: KeyBinding) -> String {
        if networkHidden, binding.action == .toggleScreen { return "the network view is hidden in this lesson" }
        return "\(key.description) is locked in this lesson"
    }

    /// Why the fork change `text` (`lr=0.3`) is refused, when it changes a locked setting.
    public func refusal(forkChange text: String) -> String? {
        let setting = String((text.split(separator: "=").first ?? "").filter { !$0.isWhitespace })
        return isLocked(setting: setting) ? "fork refused: \(setting) is locked in this lesson" : nil
    }

    /// Whether nothing is locked.
    public var isEmpty: Bool { keys.isEmpty && settings.isEmpty && !networkHidden }
}

extension KeyMap {
    /// This table with `lock` applied: locked keys refuse with a message, the help says
    /// `(locked in this lesson)` and the legend leaves them out.
    public func locking(_ lock: KeyLock) -> KeyMap {
        var map = self
        map.lock = lock
        for index in map.bindings.indices where lock.isLocked(map.bindings[index]) {
            let hidden = lock.networkHidden && map.bindings[index].action == .toggleScreen
            map.bindings[index].description += hidden ? " (hidden in this lesson)" : " (locked in this lesson)"
            map.bindings[index].legend = nil
        }
        return map
    }

    /// The outcome of pressing a locked key: the state unchanged and a message; nil when `key`
    /// is not locked.
    func lockedOutcome(_ key: Key, state: MonitorViewState) -> KeyOutcome? {
        guard !lock.isEmpty, let binding = binding(for: key), lock.isLocked(binding) else { return nil }
        return KeyOutcome(state: state, effects: [.say(lock.refusal(for: key, binding: binding))])
    }
}
