import Testing
import TerminalUI
import TestSupport

@Suite struct NetworkDiagramTests {
    /// A 2-2-1 network's diagram on a 2×2 grid: the input pictures are the x and y ramps, the
    /// hidden neurons are +1 and −1 everywhere in one half, the output is the mean of the two, drawn
    /// larger as the narrow last column.
    static func diagram(theme: Theme, selectedInput: Int? = 1, active: Int? = nil) -> NetworkDiagram {
        // Grid samples (i, j) at j * 2 + i, j = 0 the bottom row.
        let columns = [
            DiagramColumn(title: "x y", neurons: [
                DiagramNeuron(picture: [-1, 1, -1, 1], value: 0.5),
                DiagramNeuron(picture: [-1, -1, 1, 1], value: -0.25),
            ]),
            DiagramColumn(title: "1: 2 tanh", neurons: [
                DiagramNeuron(picture: [1, 1, -1, -1], value: 0.75),
                DiagramNeuron(picture: [0, 0, 0, 0], value: nil),
            ]),
            DiagramColumn(title: "out", neurons: [DiagramNeuron(picture: [0.9, 0.9, 0.9, 0.9], value: 12.5)]),
        ]
        return NetworkDiagram(columns: columns, gridWidth: 2, gridHeight: 2, selection: (1, 0),
                              incomingWeights: [2.0, -0.5], selectedInput: selectedInput, activeColumn: active, theme: theme)
    }

    @Test func everyNeuronIsItsPictureAndValueWithTheSelectedNeuronsWeightsBeside() {
        let buffer = CellBuffer.drawing(Self.diagram(theme: TestThemes.plainASCII), width: 48, height: 6)
        expectBuffer(buffer, lines: [
            " x y             1: 2 tanh       out            ",
            " ---+++ +0.50@@ >------ +0.75    ++++++++ +12.5 ",
            " ---+++          ++++++          ++++++++       ",
            " ++++++ -0.25--             ·    ++++++++       ",
            " ------                          ++++++++       ",
            "                                                ",
        ])
        // The weight the inspector follows (input 2) is reversed; the selected neuron's value too.
        #expect(buffer[13, 3].style.attributes.contains(.reverse))
        #expect(!buffer[13, 1].style.attributes.contains(.reverse))
        #expect(buffer[24, 1].style.attributes.contains(.reverse))
    }

    @Test func theActiveColumnsTitleIsHighlighted() {
        let buffer = CellBuffer.drawing(Self.diagram(theme: TestThemes.plainASCII, active: 2), width: 48, height: 6)
        #expect(buffer[33, 0].style.attributes.contains(.reverse))
        #expect(!buffer[17, 0].style.attributes.contains(.reverse))
    }

    @Test func aLayerTallerThanTheWindowShowsAWindowAroundTheSelection() {
        let many = (0..<20).map { DiagramNeuron(picture: [], value: Double($0) / 10) }
        let diagram = NetworkDiagram(columns: [DiagramColumn(title: "in", neurons: [DiagramNeuron(picture: [], value: 1)]),
                                               DiagramColumn(title: "1: 20", neurons: many)],
                                     gridWidth: 0, gridHeight: 0, selection: (1, 12), incomingWeights: [1],
                                     selectedInput: 0, theme: TestThemes.plainASCII)
        let lines = CellBuffer.drawing(diagram, width: 30, height: 7).lines
        #expect(lines[1].contains("^ 10 more"))
        #expect(lines[4].contains(">"), "\(lines)")
        #expect(lines[4].contains("+1.20") && lines[2].contains("+1.00"))
        #expect(lines[6].contains("v 6 more"), "\(lines)")
    }
}
