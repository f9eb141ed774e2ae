package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** {@link Checks} and {@link DataException}: the message formats every module relies on. */
class ChecksTest {

    private static String fails(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void messagesNameArgumentIndexAndValue() {
        assertEquals("spend[2] = NaN; must be finite",
                fails(() -> Checks.checkAllFinite("spend", new double[] {1, 2, Double.NaN})));
        assertEquals("alpha = Infinity; must be finite",
                fails(() -> Checks.checkFinite("alpha", Double.POSITIVE_INFINITY)));
        assertEquals("a = 1.5; must be in [0.0, 1.0)", fails(() -> Checks.checkInClosedOpen("a", 1.5, 0, 1)));
        assertEquals("a = 1.0; must be in [0.0, 1.0)", fails(() -> Checks.checkInClosedOpen("a", 1, 0, 1)));
        assertEquals("a = NaN; must be in [0.0, 1.0]", fails(() -> Checks.checkInClosed("a", Double.NaN, 0, 1)));
        assertEquals("s = 0.0; must be finite and > 0", fails(() -> Checks.checkPositive("s", 0.0)));
        assertEquals("s = Infinity; must be finite and > 0",
                fails(() -> Checks.checkPositive("s", Double.POSITIVE_INFINITY)));
        assertEquals("s = -1.0; must be finite and >= 0", fails(() -> Checks.checkNonNegative("s", -1.0)));
        assertEquals("n = 0; must be > 0", fails(() -> Checks.checkPositive("n", 0)));
        assertEquals("n = -1; must be >= 0", fails(() -> Checks.checkNonNegative("n", -1)));
        assertEquals("x.length = 2; expected 3", fails(() -> Checks.checkLength("x", new double[2], 3)));
        assertEquals("got 1.5 (3)", fails(() -> Checks.checkArgument(false, "got %s (%d)", 1.5, 3)));
    }

    @Test
    void passingChecksReturnTheirValue() {
        assertEquals(0.5, Checks.checkInClosed("a", 0.5, 0, 1));
        assertEquals(0.0, Checks.checkNonNegative("a", 0.0));
        assertEquals(3, Checks.checkPositive("n", 3));
        Checks.checkArgument(true, "unused");
        Checks.checkAllFinite("x", new double[] {0, -1, Double.MAX_VALUE});
    }

    @Test
    void orNewReusesLargeEnoughWorkspace() {
        double[] w = new double[5];
        assertSame(w, Checks.orNew(w, 5));
        assertEquals(6, Checks.orNew(w, 6).length);
        assertEquals(2, Checks.orNew(null, 2).length);
    }

    @Test
    void dataExceptionFormatsEveryPartThatApplies() {
        DataException full = new DataException("data.csv", 18, 3, "tv_spend", "abc", "is not a number");
        assertEquals("data.csv, line 18, column 3 ('tv_spend'): value 'abc' is not a number", full.getMessage());
        assertEquals("is not a number", full.problem());
        DataException whole = new DataException("data.csv", "file is empty");
        assertEquals("data.csv: file is empty", whole.getMessage());
        assertEquals(-1, whole.line());
        assertEquals(-1, whole.column());
        DataException byName = new DataException(null, -1, -1, "tv", null, "is constant");
        assertEquals("column 'tv': is constant", byName.getMessage());
        String longValue = "x".repeat(100);
        DataException abbreviated = new DataException("f", 2, 1, null, longValue, "is bad");
        assertEquals("f, line 2, column 1: value '" + "x".repeat(57) + "...' is bad", abbreviated.getMessage());
        assertEquals(longValue, abbreviated.value());
    }
}
