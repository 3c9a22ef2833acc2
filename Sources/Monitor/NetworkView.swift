import MLPEngine
import TerminalUI
import Training

/// Where the network view's parts go: the status bar, the diagram beside the inspector, the
/// message (or prompt) line and the key legend.
public struct NetworkViewLayout: Hashable, Sendable {
    public let status: Rect
    public let diagram: Rect
    public let inspector: Rect
    public let message: Rect
    public let legend: Rect
    /// A lesson's notes line under the status bar (empty without notes).
    public let notes: Rect

    public init(width: Int, height: Int, notesLine: Bool = false) {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        let rows = screen.rows([.fixed(1), .fixed(notesLine ? 1 : 0), .fill, .fixed(1), .fixed(1)])
        status = rows[0]
        notes = rows[1]
        message = rows[3]
        legend = rows[4]
        // The inspector's longest lines need about 58 columns; the diagram keeps 60 (four 15-column layers).
        let inspectorWidth = min(66, max(40, width - 60))
        let columns = rows[2].columns([.fill, .fixed(inspectorWidth)])
        diagram = columns[0]
        inspector = columns[1]
    }
}

/// The network view (`v`): every neuron as a picture of its activation over the input plane, the
/// selected neuron's incoming weights by sign and size, and the inspector's chain-rule numbers for
/// the selected neuron, weight and sample. Pure, like the dashboard.
public struct NetworkView: MonitorView {
    /// The dashboard, for the status bar and message line the two views share.
    public var dashboard: Dashboard
    public var keyMap: KeyMap

    public init(dashboard: Dashboard, keyMap: KeyMap = .network) {
        self.dashboard = dashboard
        self.keyMap = keyMap
    }

    var theme: Theme { dashboard.theme }
    var run: MonitorRunInfo { dashboard.run }

    /// The smallest screen the network view is drawn on (the diagram and the inspector's lines).
    public static let minimumSize = (width: 96, height: 20)

    public func render(_ frame: MonitorFrame, into buffer: inout CellBuffer) {
        buffer.fill(buffer.area, with: .blank)
        guard buffer.width >= Self.minimumSize.width, buffer.height >= Self.minimumSize.height else {
            renderTooSmall(minimum: Self.minimumSize, view: frame.view, theme: theme, helpTitle: "Keys: network view", into: &buffer)
            return
        }
        let layout = NetworkViewLayout(width: buffer.width, height: buffer.height, notesLine: dashboard.notes != nil)
        let state = frame.state, view = frame.view
        dashboard.statusBar(for: state, width: layout.status.width).render(in: layout.status, into: &buffer)
        if let notes = dashboard.notes { MessageLine(notes, theme: theme).render(in: layout.notes, into: &buffer) }
        let selection = view.network
        let trace = self.trace(state.network, selection: selection)
        renderDiagram(state, selection: selection, trace: trace, pictures: frame.pictures, in: layout.diagram, into: &buffer)
        renderInspector(state, view: view, trace: trace, in: layout.inspector, into: &buffer)
        if let prompt = selection.prompt {
            let wordings = ["new value for \(prompt.name) (now \(formatParameter(prompt.current))); Enter sets, Esc cancels: ",
                            "new value for \(prompt.name): ", "\(prompt.name): "]
            PromptLine(wordings, typed: prompt.text, theme: theme).render(in: layout.message, into: &buffer)
        } else {
            dashboard.renderMessage(state, view: view, now: frame.now, in: layout.message, into: &buffer)
        }
        KeyLegend(entries: keyMap.legendEntries, theme: theme).render(in: layout.legend, into: &buffer)
        if view.helpVisible {
            var help = HelpOverlay(title: "Keys: network view", entries: keyMap.helpEntries, theme: theme)
            help.firstEntry = view.helpScroll
            help.render(in: Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 1), into: &buffer)
        }
    }

    /// What a mouse button does in the network view on a `width` × `height` screen: the wheel
    /// moves the selection up and down its layer; a click on a neuron's picture selects the neuron,
    /// a click on the value beside a neuron of the layer feeding the selected neuron selects that
    /// weight. Every one of these has a key (arrows, Tab). Nil when the click hits nothing.
    public func mouse(
        _ button: MouseButton, column x: Int, row y: Int, network: Network, view: MonitorViewState, width: Int, height: Int
    ) -> MonitorViewState? {
        var next = view
        switch button {
        case .wheelUp: next.network.move(dx: 0, dy: -1)
        case .wheelDown: next.network.move(dx: 0, dy: 1)
        case .left:
            let layout = NetworkViewLayout(width: width, height: height, notesLine: dashboard.notes != nil)
            let inner = Panel(title: "", theme: theme).innerArea(of: layout.diagram)
            let selection = view.network
            let diagram = NetworkDiagram(
                columns: ([network.inputCount] + network.shapes.map(\.outputs)).map {
                    DiagramColumn(title: "", neurons: Array(repeating: DiagramNeuron(picture: [], value: nil), count: $0))
                },
                gridWidth: 0, gridHeight: 0, selection: (selection.layer + 1, selection.neuron), incomingWeights: [],
                selectedInput: nil, theme: theme)
            guard let hit = diagram.neuron(atColumn: x, row: y, in: inner) else { return nil }
            if !hit.onPicture, hit.column == selection.layer {
                next.network.input = hit.neuron
            } else if hit.column >= 1 {
                next.network.move(dx: hit.column - 1 - selection.layer, dy: hit.neuron - selection.neuron)
            } else {
                return nil
            }
        }
        return next
    }

    /// The chosen training sample's pass through the engine, or nil without training data that
    /// fits the network.
    func trace(_ network: Network, selection: NetworkViewState) -> SampleTrace? {
        let data = run.trainingSet
        guard data.count > 0, data.featureCount == network.inputCount else { return nil }
        let s = min(selection.sample, data.count - 1)
        let input = Array(data.features[(s * data.featureCount)..<((s + 1) * data.featureCount)])
        return network.trace(input: input, label: data.labels[s])
    }

    /// The columns with their pictures and the chosen sample's values; while stepping phases, the
    /// layers not reached yet show no values.
    func renderDiagram(
        _ state: TrainerState, selection: NetworkViewState, trace: SampleTrace?, pictures: NeuronPictures?,
        in area: Rect, into buffer: inout CellBuffer
    ) {
        let network = state.network
        let title = pictures == nil
            ? "Network: values for sample \(selection.sample)"
            : "Network: each neuron over the input plane"
        let inner = Panel(title: title, theme: theme).draw(in: area, into: &buffer)
        let reached: Int = {
            switch selection.phase {
            case .forward(let l)?: l
            default: network.shapes.count - 1
            }
        }()
        let names = run.trainingSet.featureNames
        var columns = [DiagramColumn(title: "in", neurons: (0..<network.inputCount).map { j in
            DiagramNeuron(picture: pictures?.picture(column: 0, neuron: j) ?? [], value: trace?.input[j])
        })]
        if network.inputCount <= 3, names.count == network.inputCount { columns[0].title = names.joined(separator: " ") }
        for (l, shape) in network.shapes.enumerated() {
            let title = l == network.shapes.count - 1 ? "out: \(shape.activation.rawValue)"
                : "\(l + 1): \(shape.outputs) \(shape.activation.rawValue)"
            columns.append(DiagramColumn(title: title,
                                         neurons: (0..<shape.outputs).map { j in
                DiagramNeuron(picture: pictures?.picture(column: l + 1, neuron: j) ?? [],
                              value: l <= reached ? trace?.layers[l].a[j] : nil)
            }))
        }
        let l = selection.layer, shape = network.shapes[l]
        let weights = Array(network.weights(ofLayer: l))[(selection.neuron * shape.inputs)..<((selection.neuron + 1) * shape.inputs)]
        let active: Int? = selection.phase?.layer.map { $0 + 1 } ?? (selection.phase == .loss ? network.shapes.count : nil)
        NetworkDiagram(columns: columns, gridWidth: pictures?.width ?? 0, gridHeight: pictures?.height ?? 0,
                       selection: (l + 1, selection.neuron), incomingWeights: Array(weights),
                       selectedInput: selection.biasSelected ? nil : selection.input, activeColumn: active, theme: theme)
            .render(in: inner, into: &buffer)
    }

    /// The inspector's text for `view`'s selection, as plain lines (for a snapshot's screen.txt).
    public func inspectorText(state: TrainerState, view: MonitorViewState) -> [String] {
        guard let trace = trace(state.network, selection: view.network) else { return [] }
        var inspector = Inspector(network: state.network, trace: trace, selection: view.network, lastStep: state.lastStep,
                                  inputNames: run.trainingSet.featureNames, ascii: theme.glyphs.isASCII)
        inspector.classNames = run.classNames
        inspector.dataRows = run.trainingRows
        inspector.parameterEdits = state.parameterEdits
        inspector.generation = state.generation
        return ["Inspector: layer \(view.network.layer + 1), neuron \(view.network.neuron + 1)"] + inspector.lines.map(\.text)
    }

    /// The most training samples whose batch gradient the inspector works out per frame.
    static let nextGradientLimit = 20_000

    /// The inspector's lines, then the gradient check's for the selected parameter.
    func renderInspector(
        _ state: TrainerState, view: MonitorViewState, trace: SampleTrace?, in area: Rect, into buffer: inout CellBuffer
    ) {
        let selection = view.network
        let inner = Panel(title: "Inspector: layer \(selection.layer + 1), neuron \(selection.neuron + 1)", theme: theme)
            .draw(in: area, into: &buffer)
        guard let trace else {
            buffer.write("no training samples to inspect", x: inner.x, y: inner.y, style: theme.muted, clip: inner)
            return
        }
        var inspector = Inspector(network: state.network, trace: trace, selection: selection, lastStep: state.lastStep,
                                  inputNames: run.trainingSet.featureNames, ascii: theme.glyphs.isASCII)
        inspector.classNames = run.classNames
        inspector.dataRows = run.trainingRows
        inspector.parameterEdits = state.parameterEdits
        inspector.generation = state.generation
        inspector.viewingPast = state.viewingLiveEpoch != nil
        // Stepping phases of a full-batch run: the gradient the coming step applies is known.
        if selection.phase != nil, run.fullBatch, run.trainingSet.count <= Self.nextGradientLimit,
           run.trainingSet.featureCount == state.network.inputCount {
            inspector.nextGradient = TrainingRun.fullBatchGradient(network: state.network, dataset: run.trainingSet).gradient
        }
        var lines = inspector.lines
        if let check = selection.gradientCheck {
            lines += Inspector.checkLines(check, index: selection.parameterIndex(in: state.network), ascii: theme.glyphs.isASCII,
                                          beforeEdit: check.parameterEdits < state.parameterEdits)
        } else if selection.checking {
            lines.append(Inspector.Line(text: "gradient check running ...", kind: .note))
        }
        for (row, line) in Inspector.fitted(lines, width: inner.width, height: inner.height, ellipsis: theme.glyphs.ellipsis)
            .enumerated() {
            let style: CellStyle = switch line.kind {
            case .heading: theme.title
            case .text: theme.label
            case .note: theme.muted
            case .highlight: CellStyle(attributes: .reverse)
            }
            buffer.write(line.text, x: inner.x, y: inner.y + row, style: style, clip: inner)
        }
    }
}
