@testable import Monitor
import Testing

/// The gradient check's message says whether the worst relative error is fine, not only its size.
struct GradientCheckVerdictTests {
    static func summary(worst: Double, layer: Int = 0) -> GradientCheckSummary {
        GradientCheckSummary(epoch: 3, parameterEdits: 0, worstRelativeError: worst, worstLayer: layer,
                             numeric: [], analytic: [], samples: 320, seconds: 0.046)
    }

    @Test(arguments: [(1e-9, GradientCheckVerdict.fine), (1e-5, .fine), (2e-5, .fineForFiniteDifferences),
                      (1e-2, .fineForFiniteDifferences), (0.5, .suspect), (.nan, .suspect), (.infinity, .suspect)])
    func verdict(error: Double, expected: GradientCheckVerdict) {
        #expect(GradientCheckVerdict(worstRelativeError: error) == expected)
    }

    @Test func messageNamesTheVerdict() {
        #expect(Self.summary(worst: 8e-6).message
                == "gradient check: worst relative error 8.0e-06 (layer 1): fine · 320 samples, 0.05 s")
        #expect(Self.summary(worst: 3.2e-4, layer: 2).message
                == "gradient check: worst relative error 3.2e-04 (layer 3): fine for finite differences · 320 samples, 0.05 s")
        #expect(Self.summary(worst: .nan).message
                == "gradient check: worst relative error nan (layer 1): suspect · 320 samples, 0.05 s")
    }
}
