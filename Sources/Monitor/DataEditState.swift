import TerminalUI

/// Data editing on the decision map (`d`): where the cursor is and the class a new point gets.
public struct DataEditState: Hashable, Sendable {
    /// The cursor's cell in the map, from its top-left corner (nil: the middle of the map).
    public var column: Int?
    public var row: Int?
    /// The class of the points added.
    public var label = 0

    public init() {}

    /// The cursor's cell in a map of `width` × `height` cells, kept inside it.
    public func cell(width: Int, height: Int) -> (column: Int, row: Int) {
        (min(max(0, column ?? width / 2), max(0, width - 1)), min(max(0, row ?? height / 2), max(0, height - 1)))
    }
}

/// What a key does while data editing is on.
public enum DataEditAction: Hashable, Sendable {
    case move(dx: Int, dy: Int)
    /// The next class for new points (or class k for a digit).
    case nextClass
    case chooseClass
    /// Add a point of the chosen class at the cursor.
    case add
    /// Remove the training point nearest the cursor.
    case remove
    /// Leave data editing.
    case leave
}

/// Data editing's keys; every other key does what it does on the dashboard.
public enum DataEditKeys {
    /// Dashboard keys that mean nothing while editing, so its help leaves them out: `y` picks the
    /// map's columns of 3+ column data, and data editing needs exactly 2.
    public static let inapplicable: Set<Key> = [.character("y")]

    public static let table = ModeKeyTable<DataEditAction>([
        ([.up, .character("k")], "Up k", "move the cursor up", KeyHelp(key: "arrows", description: "cursor"), .move(dx: 0, dy: -1)),
        ([.down, .character("j")], "Down j", "move the cursor down", nil, .move(dx: 0, dy: 1)),
        ([.left, .character("h")], "Left h", "move the cursor left", nil, .move(dx: -1, dy: 0)),
        ([.right, .character("l")], "Right l", "move the cursor right", nil, .move(dx: 1, dy: 0)),
        ([.tab, .character("c")], "Tab c", "the next class for new points", KeyHelp(key: "Tab", description: "class"), .nextClass),
        ((0...9).map { .character(Character(String($0))) }, "0 1 2 3 4 5 6 7 8 9", "class k (0 the first) for new points", nil,
         .chooseClass),
        ([.enter, .character("a")], "Enter a", "add a training point of the class at the cursor (a click adds one where it is)",
         KeyHelp(key: "Enter", description: "add"), .add),
        ([.backspace, .delete, .character("x")], "Backspace Delete x", "remove the training point nearest the cursor",
         KeyHelp(key: "Del", description: "remove"), .remove),
        ([.character("d"), .escape], "d Esc", "leave data editing", KeyHelp(key: "d", description: "done"), .leave),
    ])
}
