import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MLPEngine
import Testing
@testable import Training

/// The snapshot pictures, read back as XML: sizes, titles, axes.
struct SnapshotPictureTests {
    /// The weights picture is as large as its content: no empty page below or beside it.
    @Test(arguments: [[2, 16, 16, 1], [3, 100, 1], [80, 8, 1]])
    func weightsPictureIsSizedToItsContent(sizes: [Int]) throws {
        let svg = try SVGElements(SnapshotPictures.weights(network: Fixtures.network(sizes)))
        let root = try #require(svg.elements.first { $0.name == "svg" })
        let width = try #require(Double(root["width"] ?? "")), height = try #require(Double(root["height"] ?? ""))
        #expect(root["viewBox"] == "0 0 \(root["width"]!) \(root["height"]!)")
        let cells = svg.elements.filter { $0.name == "rect" && $0["width"] != "100%" }
        let cellRight = cells.map { $0.number("x") + $0.number("width") }.max() ?? 0
        let cellBottom = cells.map { $0.number("y") + $0.number("height") }.max() ?? 0
        let texts = svg.elements.filter { $0.name == "text" }
        let textRight = texts.map { $0.number("x") + SVGDocument.estimatedWidth(of: $0.text, size: $0.number("font-size")) }.max() ?? 0
        let textBottom = texts.map { $0.number("y") }.max() ?? 0
        let right = max(cellRight, textRight), bottom = max(cellBottom, textBottom)
        #expect(width >= right && width <= right + 40, "width \(width), content reaches x = \(right)")
        #expect(height >= bottom && height <= bottom + 40, "height \(height), content reaches y = \(bottom)")
    }

    /// Layers are numbered from 1, as in the monitor ("layer 1/3").
    @Test func weightsPictureNumbersLayersFromOne() throws {
        let svg = try SVGElements(SnapshotPictures.weights(network: Fixtures.network([2, 16, 16, 1])))
        let titles = svg.elements.filter { $0.name == "text" && $0.text.hasPrefix("layer ") }.map(\.text)
        #expect(titles.count == 3)
        #expect(titles.first?.hasPrefix("layer 1 of 3: 2→16 tanh") == true)
        #expect(titles.last?.hasPrefix("layer 3 of 3: 16→1 sigmoid") == true)
        #expect(!titles.contains { $0.hasPrefix("layer 0") })
    }
}

/// Every element of an SVG document in order, with its attributes and text.
struct SVGElements {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
        subscript(_ key: String) -> String? { attributes[key] }
        /// A numeric attribute (0 when missing or not a number).
        func number(_ key: String) -> Double { Double(attributes[key] ?? "") ?? 0 }
    }

    let elements: [Element]

    init(_ text: String) throws {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw CocoaError(.propertyListReadCorrupt) }
        elements = collector.elements
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributeDict))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            open.removeLast()
        }
    }
}
