package io.github.mmm4j.core;

import static io.github.mmm4j.core.CsvFixtures.assertLocated;
import static io.github.mmm4j.core.CsvFixtures.base;
import static io.github.mmm4j.core.CsvFixtures.read;
import static io.github.mmm4j.core.CsvFixtures.readFails;
import static io.github.mmm4j.core.CsvFixtures.schema;
import static io.github.mmm4j.core.CsvFixtures.withCell;
import static io.github.mmm4j.core.CsvFixtures.withLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The checks added after an outside bad-input battery: magnitudes, control characters, text columns, names. */
class MmmCsvHardeningTest {

    @Test
    void aMagnitudeBeyondTheBoundIsRejectedWhereItIs() {
        assertLocated(readFails(withCell(3, 3, "1e300")), 3, 3, "tv_spend", "1e300", "largest magnitude");
        assertLocated(readFails(withCell(4, 2, "-1.5e194")), 4, 2, "sales", "-1.5e194", "largest magnitude");
        assertEquals(1e50, read(withCell(4, 2, "1e50"), schema()).kpi(2));
    }

    @Test
    void aColumnNameWithAControlCharacterIsRejectedNotSkipped() {
        DataException e = readFails(withLine(1, "date,sales,\"tv\n_spend\",search_spend,price,promo"),
                CsvSchema.builder("sales").inferChannels().build());
        assertEquals(3, e.column());
        assertEquals("tv\n_spend", e.value(), "the accessor gives the raw value");
        assertEquals("data.csv, line 1, column 3: value 'tv\\u000A_spend' is a column name with the control "
                + "character U+000A; rename the column", e.getMessage(), "the message is safe to print");
        DataException osc = readFails(withLine(1, "date,sales,tv_spend,search_spend,pri\u001b]0;x\u0007ce,promo"));
        assertEquals(5, osc.column());
        assertEquals(-1, Text.firstUnsafe(osc.getMessage()), osc.getMessage());
    }

    @Test
    void aTextColumnUsedAsAChannelIsNamedAsTextWithoutMissingValueAdvice() {
        DataException e = readFails(CsvFixtures.csv(
                "date,sales,tv_spend,search_spend,price,promo",
                "2020-01-06,100,10,na,1.5,0",
                "2020-01-13,110,12,event1,1.4,1",
                "2020-01-20,105,0,na,1.6,0"));
        assertLocated(e, 3, 4, "search_spend", "event1", "this column holds text");
        assertFalse(e.getMessage().contains("ZERO_FILL_SPEND"), e.getMessage());
    }

    @Test
    void aMisspeltColumnSuggestsTheCloseName() {
        DataException e = readFails(base(), CsvSchema.builder("Sales").channels("tv_spend").build());
        assertLocated(e, 1, -1, null, null, "missing required KPI column 'Sales'; columns found: [date, sales,",
                "; did you mean 'sales'?");
        DataException c = readFails(base(), CsvSchema.builder("sales").channels("tv_spned").build());
        assertLocated(c, 1, -1, null, null, "did you mean 'tv_spend'?");
    }
}
