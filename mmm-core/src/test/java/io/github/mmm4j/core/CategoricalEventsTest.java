package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoricalEventsTest {

    private static final CsvSchema SCHEMA = CsvSchema.builder("y").channels("tv").events("events").build();

    @Test
    void aTextColumnBecomesOneIndicatorPerLevel() {
        String csv = "date,y,tv,events\n2024-01-01,1,5,na\n2024-01-08,2,5,event1\n2024-01-15,3,5,\n"
                + "2024-01-22,4,5,event2\n2024-01-29,5,5,event1\n2024-02-05,6,5,none\n";
        MmmDataset d = MmmCsv.readString("e.csv", csv, SCHEMA);
        assertEquals(List.of("events_event1", "events_event2"), d.events());
        assertArrayEquals(new double[] {0, 1, 0, 0, 1, 0}, d.eventColumn(0), 0.0);
        assertArrayEquals(new double[] {0, 0, 0, 1, 0, 0}, d.eventColumn(1), 0.0);
    }

    @Test
    void aColumnMixingNumbersAndTextIsStillAnErrorAtTheTextCell() {
        String csv = "date,y,tv,events\n2024-01-01,1,5,0\n2024-01-08,2,5,1\n2024-01-15,3,5,x\n";
        DataException e = assertThrows(DataException.class, () -> MmmCsv.readString("m.csv", csv, SCHEMA));
        assertEquals(4, e.line());
        assertEquals(4, e.column());
        assertTrue(e.getMessage().contains("value 'x' is not a number"), e.getMessage());
    }
}
