import MLPEngine
import Training

extension Lesson {
    /// The `format` a lesson may state (`--print-config` writes it).
    public static let lessonFormat = "mlptop.lesson/v1"
    /// The `format` of a snapshot's `run.json`, which `--config` also reads.
    public static let snapshotFormat = "mlptop.run/v1"

    /// The lesson in the file at `path` (66 when it cannot be opened, 65 when it is not a lesson).
    public static func read(_ path: String) throws(LessonError) -> Lesson {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            throw LessonError(file: path, field: nil, reason: error.reason, exitStatus: error.exitStatus)
        }
        return try parse(bytes: bytes, file: path)
    }

    /// The lesson in `bytes`, a lesson file or a snapshot's `run.json` (by its `format`); errors
    /// name `file` and the field. Every member is checked: an unknown field, a value of the
    /// wrong type, a key or panel that does not exist, or a field given twice is refused.
    public static func parse(bytes: [UInt8], file: String) throws(LessonError) -> Lesson {
        let json: JSONValue
        do { json = try JSONParser.parse(bytes: bytes) } catch {
            throw LessonError(file: "\(file):\(error.line):\(error.column)", field: nil, reason: error.reason)
        }
        guard let members = json.objectValue else {
            throw LessonError(file: file, field: nil, reason: "must be a JSON object, not \(json.kindName)")
        }
        if json["format"] == .string(snapshotFormat) { return try parseSnapshot(json, file: file) }
        var lesson = Lesson()
        var seen = Set<String>()
        for (key, value) in members {
            func fail(_ reason: String) -> LessonError { LessonError(file: file, field: key, reason: reason) }
            guard seen.insert(key).inserted else { throw fail("given twice") }
            switch key {
            case "format":
                guard value == .string(lessonFormat) else {
                    throw fail("must be \"\(lessonFormat)\" (or \"\(snapshotFormat)\", a snapshot's run.json)")
                }
            case "notes":
                guard case .string(let text) = value else { throw fail("must be a string, not \(value.kindName)") }
                guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                    throw fail("must be one line of text (no line breaks, tabs or control characters)")
                }
                lesson.notes = text
            case "locked":
                for name in try strings(value, fail: fail) {
                    if case .failure(let error) = lesson.lock.lock(name) { throw fail(error.reason) }
                }
            case "hide":
                for name in try strings(value, fail: fail) {
                    guard let panel = DashboardPanel.named(name) else {
                        throw fail("\"\(name)\" is no panel (panels: \(DashboardPanel.names))")
                    }
                    lesson.hiddenPanels.insert(panel)
                }
                if lesson.hiddenPanels.isSuperset(of: [.loss, .map, .weights, .gradients]) {
                    throw fail("cannot hide every panel of the dashboard")
                }
                lesson.lock.networkHidden = lesson.hiddenPanels.contains(.network)
            case "config", "print-config":
                throw fail("is for the command line only")
            default:
                guard let field = LessonField.named(key) else {
                    throw fail("unknown field (a lesson takes the flags of mlptop train without their dashes, "
                               + "and format, locked, hide and notes)")
                }
                switch field.arguments(for: value) {
                case .success(let arguments): lesson.settings.append(LessonSetting(field: key, flag: key, arguments: arguments))
                case .failure(let error): throw fail(error.reason)
                }
            }
        }
        return lesson
    }

    /// The strings of a JSON array of strings.
    static func strings(_ value: JSONValue, fail: (String) -> LessonError) throws(LessonError) -> [String] {
        guard case .array(let items) = value else { throw fail("must be an array of strings, not \(value.kindName)") }
        var names: [String] = []
        for item in items {
            guard case .string(let name) = item else { throw fail("must be an array of strings, not one with \(item.kindName)") }
            names.append(name)
        }
        return names
    }
}
