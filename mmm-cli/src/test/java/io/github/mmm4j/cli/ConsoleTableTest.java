package io.github.mmm4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleTableTest {

    @Test
    void columnsNeverRunTogetherForTinyAndHugeAmounts() {
        ConsoleTable t = new ConsoleTable("channel", "spend", "ROI", "interval");
        t.row("a_very_long_channel_name", ConsoleTable.amount(1.2345678901234e15), ConsoleTable.amount(0.000123456),
                ConsoleTable.interval(-4876827.13, 4876827.13));
        t.row("x", ConsoleTable.amount(0.0042), ConsoleTable.amount(4876827.13), ConsoleTable.interval(0.1, 0.2));
        String[] lines = t.render().split("\\R");
        assertEquals(3, lines.length);
        for (String line : lines) {
            // four cells, each separated by at least two spaces; cells themselves hold at most single spaces
            String[] cells = line.trim().split(" {2,}");
            assertEquals(4, cells.length, line);
        }
        assertTrue(lines[1].contains("1,234,567,890,123,400"), lines[1]);
        assertTrue(lines[1].contains("0.0001235"), lines[1]);
        assertTrue(lines[2].contains("4,876,827") && lines[2].contains("0.0042"), lines[2]);
        assertFalse(t.render().contains("4876827"), t.render());
        // right-aligned numeric columns: every line has the same length up to the last column's end
        assertEquals(lines[0].length(), lines[1].length());
    }

    @Test
    void amountsUseSignificantDigitsWithSeparators() {
        assertEquals("0.42", ConsoleTable.amount(0.42));
        assertEquals("765.3", ConsoleTable.amount(765.34));
        assertEquals("4,876,827", ConsoleTable.amount(4876827.13));
        assertEquals("n/a", ConsoleTable.amount(Double.NaN));
        assertEquals("[0.1, 1,235]", ConsoleTable.interval(0.1, 1234.6));
    }
}
