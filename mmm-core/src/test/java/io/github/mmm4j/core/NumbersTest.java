package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Numbers}: small spends stay readable, large KPIs are grouped, CSV numbers never carry an exponent. */
class NumbersTest {

    @ParameterizedTest(name = "{0} with {1} digits -> {2}")
    @CsvSource(delimiter = ';', value = {
        "4876827.13; 4; 4,876,827",
        "33189254.05049197; 4; 33,189,254",
        "4033.2; 4; 4,033",
        "1234.5678; 4; 1,235",
        "12345.6; 4; 12,346",
        "765.34; 4; 765.3",
        "1.5; 4; 1.5",
        "2.0; 4; 2",
        "0.0042; 4; 0.0042",
        "0.004249; 2; 0.0042",
        "0.000123456; 4; 0.0001235",
        "0.1; 3; 0.1",
        "-12.0; 4; -12",
        "-4876827.13; 3; -4,876,827",
        "999.96; 4; 1,000",
        "0.5; 1; 0.5",
        "100; 3; 100",
        "1000; 3; 1,000",
        "0; 4; 0",
        "-0.0; 4; 0",
        "1.0E20; 4; 100,000,000,000,000,000,000",
    })
    void significant(double value, int digits, String expected) {
        assertEquals(expected, Numbers.significant(value, digits));
    }

    @Test
    void significantSpecialValuesAndBadDigits() {
        assertEquals("NaN", Numbers.significant(Double.NaN, 4));
        assertEquals("Infinity", Numbers.significant(Double.POSITIVE_INFINITY, 4));
        assertEquals("-Infinity", Numbers.significant(Double.NEGATIVE_INFINITY, 4));
        assertEquals("digits = 0; must be in [1, 17]",
                assertThrows(IllegalArgumentException.class, () -> Numbers.significant(1, 0)).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "3.318925405049197E7; 33189254.05049197",
        "1.0E-7; 0.0000001",
        "2.0; 2",
        "-0.0; 0",
        "0.0042; 0.0042",
        "1.0E21; 1000000000000000000000",
        "-765.25; -765.25",
    })
    void plain(double value, String expected) {
        assertEquals(expected, Numbers.plain(value));
    }

    @Test
    void plainRejectsNonFinite() {
        assertEquals("value = NaN; must be finite",
                assertThrows(IllegalArgumentException.class, () -> Numbers.plain(Double.NaN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Numbers.plain(Double.NEGATIVE_INFINITY));
    }

    @Property
    void plainReadsBackAndHasNoExponent(@ForAll double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        String s = Numbers.plain(value);
        assertFalse(s.contains("E") || s.contains("e"), s);
        assertEquals(value == 0 ? 0.0 : value, Double.parseDouble(s));
    }

    @Property
    void significantIsWithinHalfAUnitOfTheLastDigit(@ForAll double value) {
        if (!Double.isFinite(value) || value == 0 || Math.abs(value) > 1e300 || Math.abs(value) < 1e-300) {
            return;
        }
        String s = Numbers.significant(value, 4);
        assertFalse(s.contains("E") || s.contains("e"), s);
        double back = Double.parseDouble(s.replace(",", ""));
        double ulp = Math.abs(value) >= 1e4 ? 0.5 : 0.5 * Math.pow(10, Math.floor(Math.log10(Math.abs(value))) - 3);
        // A relative margin covers the decimal (not binary) rounding of the input and of the parse.
        assertTrue(Math.abs(back - value) <= ulp * (1 + 1e-9) + 1e-15 * Math.abs(value), s + " for " + value);
    }

    @Test
    void changeWithinRoundingIsExactlyZero() {
        double[] spends = {0.1, 0.2, 0.3, 1234.567, 98765.4321, 0.0007};
        double forward = 0;
        for (double v : spends) {
            forward += v;
        }
        double backward = 0;
        for (int i = spends.length - 1; i >= 0; i--) {
            backward += spends[i];
        }
        assertEquals(0.0, Numbers.change(forward, backward), 0.0);
        assertEquals("0", Numbers.significant(Numbers.change(forward, backward), 4));
        assertEquals(-2.5, Numbers.change(10, 7.5), 0.0);
        assertEquals(1e-6, Numbers.change(0, 1e-6), 0.0);
        assertEquals(0.0, Numbers.change(0, 0), 0.0);
    }
}
