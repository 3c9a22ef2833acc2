/// A lesson file (`mlptop train --config lesson.json`): training settings written as the flags
/// write them, plus what the monitor locks, hides and says.
///
/// The settings are kept as the command-line arguments they stand for (`"lr": 0.3` is
/// `--lr=0.3`), so a lesson's values are parsed and checked by the flags' own code, with the
/// flags' messages, and flags given on the command line after them override them.
public struct Lesson: Sendable, Equatable {
    /// The training settings, in file order.
    public var settings: [LessonSetting]
    /// The keys (and settings) the monitor refuses.
    public var lock: KeyLock
    /// The dashboard panels (and views) not drawn.
    public var hiddenPanels: Set<DashboardPanel>
    /// A line shown under the status bar; nil for none.
    public var notes: String?

    /// A lesson of `settings`, locking `lock`, hiding `hiddenPanels`, showing `notes`.
    public init(settings: [LessonSetting] = [], lock: KeyLock = KeyLock(), hiddenPanels: Set<DashboardPanel> = [],
                notes: String? = nil) {
        self.settings = settings
        self.lock = lock
        self.hiddenPanels = hiddenPanels
        self.notes = notes
    }

    /// Every setting's arguments, in file order (`["--dataset=xor", "--hidden=2"]`).
    public var arguments: [String] { settings.flatMap(\.arguments) }
}

/// One training setting of a lesson: the field as the file names it and the flag arguments it
/// stands for (none for `null` or `false`: the flag's default).
public struct LessonSetting: Sendable, Equatable {
    /// The field name as written in the file (`lr`, or `configuration.optimizer.lr` in a snapshot).
    public var field: String
    /// The flag's name without dashes (`lr`), what the field sets.
    public var flag: String
    /// `["--lr=0.3"]`, `["--standardize"]` or `[]`.
    public var arguments: [String]

    /// The setting `field` of the file, for the flag `flag`, as `arguments`.
    public init(field: String, flag: String, arguments: [String]) {
        self.field = field
        self.flag = flag
        self.arguments = arguments
    }
}

/// Why a lesson file was refused: `file: field: reason` (or `file:line:column: reason` for a
/// JSON syntax error), with status 65 (66 when the file cannot be opened).
public struct LessonError: Error, Equatable, CustomStringConvertible {
    /// The file, with `:line:column` for a JSON syntax error.
    public var file: String
    /// The field at fault, or nil for the whole file.
    public var field: String?
    /// What is wrong, one short phrase.
    public var reason: String
    /// 65 (bad data) or 66 (cannot open).
    public var exitStatus: Int32

    /// `reason` about `field` of `file`, ending the program with `exitStatus`.
    public init(file: String, field: String?, reason: String, exitStatus: Int32 = 65) {
        self.file = file
        self.field = field
        self.reason = reason
        self.exitStatus = exitStatus
    }

    /// `lesson.json: lr: must be a number, not a string`.
    public var description: String { [file, field, reason].compactMap { $0 }.joined(separator: ": ") }
}
