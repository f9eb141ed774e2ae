package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CsvSchema} and its builder: defaults, copies and validation. */
class CsvSchemaTest {

    @Test
    void builderDefaults() {
        CsvSchema s = CsvSchema.builder("sales").channels("tv").build();
        assertAll(
                () -> assertEquals("date", s.dateColumn()),
                () -> assertEquals("sales", s.kpiColumn()),
                () -> assertEquals(List.of("tv"), s.channels()),
                () -> assertEquals(Map.of(), s.exposures()),
                () -> assertEquals(List.of(), s.controls()),
                () -> assertEquals(List.of(), s.events()),
                () -> assertNull(s.geoColumn()),
                () -> assertNull(s.datePattern()),
                () -> assertEquals(MissingValuePolicy.FAIL, s.missingValues()),
                () -> assertFalse(s.inferChannels()),
                () -> assertEquals(',', s.delimiter()));
    }

    @Test
    void builderSetsEverything() {
        CsvSchema s = CsvSchema.builder("y").date("week").channels("tv", "search").channels(List.of("radio"))
                .exposure("tv", "tv_grp").controls("price").controls(List.of("temp")).events("xmas")
                .events(List.of("bf")).geo("dma").datePattern("M/d/yyyy")
                .missingValues(MissingValuePolicy.ZERO_FILL_SPEND).delimiter(';').build();
        assertAll(
                () -> assertEquals("week", s.dateColumn()),
                () -> assertEquals(List.of("tv", "search", "radio"), s.channels()),
                () -> assertEquals(Map.of("tv", "tv_grp"), s.exposures()),
                () -> assertEquals(List.of("price", "temp"), s.controls()),
                () -> assertEquals(List.of("xmas", "bf"), s.events()),
                () -> assertEquals("dma", s.geoColumn()),
                () -> assertEquals("M/d/yyyy", s.datePattern()),
                () -> assertEquals(MissingValuePolicy.ZERO_FILL_SPEND, s.missingValues()),
                () -> assertEquals(';', s.delimiter()));
    }

    @Test
    void listsAreCopiedAndUnmodifiable() {
        List<String> channels = new ArrayList<>(List.of("tv"));
        CsvSchema s = new CsvSchema("date", "y", channels, Map.of(), List.of(), List.of(), null, null,
                MissingValuePolicy.FAIL, false, ',');
        channels.add("radio");
        assertEquals(List.of("tv"), s.channels());
        assertThrows(UnsupportedOperationException.class, () -> s.channels().add("x"));
    }

    @Test
    void validation() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CsvSchema.builder("y").build()).getMessage()
                .contains("no channels given"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> CsvSchema.builder("y").channels("tv").inferChannels().build()).getMessage()
                .contains("choose one"));
        assertEquals("exposure given for 'radio', which is not a channel [tv]",
                assertThrows(IllegalArgumentException.class,
                        () -> CsvSchema.builder("y").channels("tv").exposure("radio", "r").build()).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CsvSchema.builder("y").channels("tv").delimiter('"').build());
        assertThrows(NullPointerException.class, () -> CsvSchema.builder(null));
        assertThrows(NullPointerException.class, () -> CsvSchema.builder("y").channels("tv")
                .missingValues(null).build());
        assertTrue(CsvSchema.builder("y").inferChannels().exposure("tv_spend", "tv_imp").build().inferChannels());
    }
}
