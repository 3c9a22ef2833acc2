import Testing
import TerminalUI

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.0, "0"), (0.25, "0.25"), (1.5, "1.5"), (12.34, "12.3"), (123.4, "123"), (999.4, "999"),
        (999.6, "1k"), (1234, "1.2k"), (12_345, "12k"), (123_456, "123k"), (2_500_000, "2.5M"),
        (0.001, "1e-3"), (0.00025, "2.5e-4"), (0.0123, "0.0123"), (-0.5, "-0.5"), (9.996, "10"),
        (Double.nan, "nan"), (Double.infinity, "inf"), (-Double.infinity, "-inf"),
    ])
    func compact(value: Double, expected: String) {
        #expect(NumberFormat.compact(value) == expected)
    }

    @Test(arguments: [
        (3.14159e-4, "3.1e-4"), (1000, "1.0e3"), (9.96, "1.0e1"), (-2.5e-8, "-2.5e-8"), (0, "0"), (1, "1.0e0"),
    ])
    func scientific(value: Double, expected: String) {
        #expect(NumberFormat.scientific(value, significant: 2) == expected)
    }

    /// R² stays short whatever it is: a diverged regression's R² was printed with ~290 digits.
    @Test(arguments: [
        (0.98149, 3, "0.981"), (-0.25, 3, "-0.250"), (1.0, 4, "1.0000"), (-9999.4, 1, "-9999.4"),
        (-3.144449658470909e293, 4, "-3.14e+293"), (-1.5e4, 3, "-1.5e+04"), (-Double.infinity, 4, "-inf"), (Double.nan, 3, "nan"),
    ])
    func scoresStayShort(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.score(value, decimals: decimals) == expected)
    }

    @Test func signedPutsPlusOnPositivesOnly() {
        #expect(NumberFormat.signed(0.83) == "+0.83")
        #expect(NumberFormat.signed(-0.83) == "-0.83")
        #expect(NumberFormat.signed(0) == "0")
    }

    @Test(arguments: [(1.23e-5, "12.3e-6"), (450_000, "450e3"), (1.5, "1.5"), (999_999, "1e6")])
    func engineering(value: Double, expected: String) {
        #expect(NumberFormat.engineering(value) == expected)
    }

    @Test func fixedRoundsWithoutLocale() {
        #expect(NumberFormat.fixed(0.125, decimals: 2) == "0.13")
        #expect(NumberFormat.fixed(-0.004, decimals: 2) == "0.00")
        #expect(NumberFormat.fixed(-1.5, decimals: 0) == "-2")
        #expect(NumberFormat.fixed(3, decimals: 3) == "3.000")
    }
}
