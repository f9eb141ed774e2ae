package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link MmmDataset}: builder validation, layout, defensive copies and the derived datasets. */
class MmmDatasetTest {

    static final TimeIndex T3 = TimeIndex.regular(LocalDate.of(2020, 1, 6), Frequency.WEEKLY, 3);

    /** A national dataset over 3 weeks: KPI, tv (with impressions), search, price, promo. */
    static MmmDataset national() {
        return MmmDataset.builder(T3)
                .kpi("sales", new double[] {100, 110, 120})
                .channel("tv", new double[] {10, 0, 30}, new double[] {1000, 0, 2500})
                .channel("search", new double[] {1, 2, 3})
                .control("price", new double[] {1.5, 1.4, 1.6})
                .event("promo", new double[] {0, 1, 0})
                .build();
    }

    /** Two geos x 3 weeks, geo-major rows. */
    static MmmDataset panel() {
        return MmmDataset.builder(T3).geos(List.of("north", "south"))
                .kpi("sales", new double[] {1, 2, 3, 10, 20, 30})
                .channel("tv", new double[] {1, 0, 3, 4, 5, 6}, new double[] {10, 0, 30, 40, 50, 60})
                .channel("search", new double[] {0, 0, 0, 7, 8, 9})
                .control("price", new double[] {1, 2, 3, 3, 4, 5})
                .event("promo", new double[] {0, 1, 0, 0, 0, 0})
                .build();
    }

    private static MmmDataset.Builder valid() {
        return MmmDataset.builder(T3).kpi("sales", new double[] {1, 2, 3}).channel("tv", new double[] {1, 0, 2});
    }

    private static String rejects(Consumer<MmmDataset.Builder> change) {
        MmmDataset.Builder b = valid();
        change.accept(b);
        return assertThrows(IllegalArgumentException.class, b::build).getMessage();
    }

    @Test
    void layoutIsFlatRowMajor() {
        MmmDataset d = national();
        assertAll(
                () -> assertEquals(3, d.nPeriods()),
                () -> assertEquals(1, d.nGeos()),
                () -> assertEquals(3, d.nRows()),
                () -> assertEquals(List.of("national"), d.geos()),
                () -> assertEquals("sales", d.kpiName()),
                () -> assertEquals(List.of("tv", "search"), d.channels()),
                () -> assertEquals(List.of("price"), d.controls()),
                () -> assertEquals(List.of("promo"), d.events()),
                () -> assertArrayEquals(new double[] {10, 1, 0, 2, 30, 3}, d.spend()),
                () -> assertArrayEquals(new double[] {1000, 1, 0, 2, 2500, 3}, d.exposure()),
                () -> assertArrayEquals(new double[] {1.5, 1.4, 1.6}, d.controlValues()),
                () -> assertArrayEquals(new double[] {0, 1, 0}, d.eventValues()),
                () -> assertEquals(30, d.spend(2, 0)),
                () -> assertEquals(2500, d.exposure(2, 0)),
                () -> assertEquals(2, d.exposure(1, 1)),
                () -> assertTrue(d.hasExposure(0)),
                () -> assertFalse(d.hasExposure(1)),
                () -> assertEquals(1.4, d.control(1, 0)),
                () -> assertEquals(1, d.event(1, 0)),
                () -> assertEquals(110, d.kpi(1)),
                () -> assertArrayEquals(new double[] {1, 2, 3}, d.spendColumn(1)),
                () -> assertArrayEquals(new double[] {1.5, 1.4, 1.6}, d.controlColumn(0)),
                () -> assertArrayEquals(new double[] {0, 1, 0}, d.eventColumn(0)),
                () -> assertTrue(d.toString().contains("sales"), d.toString()));
    }

    @Test
    void builderCopiesItsInputs() {
        double[] kpi = {1, 2, 3};
        double[] tv = {1, 0, 2};
        MmmDataset.Builder b = MmmDataset.builder(T3).kpi("sales", kpi).channel("tv", tv);
        kpi[0] = 99;
        tv[0] = 99;
        MmmDataset d = b.build();
        assertEquals(1, d.kpi(0));
        assertEquals(1, d.spend(0, 0));
    }

    @Test
    void accessorsReturnCopies() {
        MmmDataset d = national();
        for (double[] a : List.of(d.kpi(), d.spend(), d.exposure(), d.controlValues(), d.eventValues(),
                d.spendColumn(0), d.controlColumn(0), d.eventColumn(0))) {
            java.util.Arrays.fill(a, -7);
        }
        assertAll(
                () -> assertArrayEquals(new double[] {100, 110, 120}, d.kpi()),
                () -> assertArrayEquals(new double[] {10, 1, 0, 2, 30, 3}, d.spend()),
                () -> assertArrayEquals(new double[] {1000, 1, 0, 2, 2500, 3}, d.exposure()),
                () -> assertArrayEquals(new double[] {1.5, 1.4, 1.6}, d.controlValues()),
                () -> assertArrayEquals(new double[] {0, 1, 0}, d.eventValues()),
                () -> assertThrows(UnsupportedOperationException.class, () -> d.channels().add("x")),
                () -> assertThrows(UnsupportedOperationException.class, () -> d.geos().clear()));
    }

    @Test
    void builderRejectsNonFiniteValuesNamingColumnRowAndValue() {
        assertEquals("'sales'[1] = NaN; must be finite",
                rejects(b -> b.kpi("sales", new double[] {1, Double.NaN, 3})));
        assertEquals("'tv2'[2] = Infinity; must be finite",
                rejects(b -> b.channel("tv2", new double[] {1, 1, Double.POSITIVE_INFINITY})));
        assertEquals("'price'[0] = -Infinity; must be finite",
                rejects(b -> b.control("price", new double[] {Double.NEGATIVE_INFINITY, 1, 1})));
        assertEquals("'tv2 exposure'[1] = NaN; must be finite",
                rejects(b -> b.channel("tv2", new double[] {1, 1, 1}, new double[] {1, Double.NaN, 1})));
    }

    @Test
    void builderRejectsNegativeSpendAndExposure() {
        assertEquals("spend 'tv2'[2] = -0.5; must be >= 0", rejects(b -> b.channel("tv2", new double[] {1, 1, -0.5})));
        assertEquals("exposure 'tv2'[0] = -3.0; must be >= 0",
                rejects(b -> b.channel("tv2", new double[] {1, 1, 1}, new double[] {-3, 1, 1})));
    }

    @Test
    void builderRejectsAllZeroChannel() {
        String m = rejects(b -> b.channel("radio", new double[] {0, 0, 0}));
        assertTrue(m.contains("'radio'") && m.contains("zero in every row"), m);
    }

    @Test
    void builderRejectsEventsThatAreNotZeroOrOne() {
        assertEquals("event 'promo'[1] = 0.5; must be 0 or 1",
                rejects(b -> b.event("promo", new double[] {0, 0.5, 1})));
        assertEquals("event 'promo'[0] = 2.0; must be 0 or 1", rejects(b -> b.event("promo", new double[] {2, 0, 1})));
    }

    @Test
    void builderRejectsDuplicateAndBlankNames() {
        assertEquals("column 'tv' is used twice", rejects(b -> b.channel("tv", new double[] {1, 1, 1})));
        assertEquals("column 'sales' is used twice", rejects(b -> b.control("sales", new double[] {1, 1, 1})));
        assertEquals("column 'tv' is used twice", rejects(b -> b.event("tv", new double[] {0, 0, 1})));
        assertEquals("column name is blank", rejects(b -> b.control(" ", new double[] {1, 1, 1})));
        assertEquals("duplicate geo 'a'", rejects(b -> b.geos(List.of("a", "a"))));
        assertEquals("geo name ' ' is blank", rejects(b -> b.geos(List.of("a", " "))));
        assertEquals("geos is empty", rejects(b -> b.geos(List.of())));
    }

    @Test
    void builderRejectsWrongLengths() {
        assertEquals("'search' has 2 values; expected 3 (periods x geos)",
                rejects(b -> b.channel("search", new double[] {1, 2})));
        assertEquals("'sales' has 3 values; expected 6 (periods x geos)", rejects(b -> b.geos(List.of("a", "b"))));
        assertEquals("'promo' has 4 values; expected 3 (periods x geos)",
                rejects(b -> b.event("promo", new double[] {0, 0, 0, 1})));
    }

    @Test
    void builderRequiresKpi() {
        assertEquals("no KPI set", assertThrows(IllegalArgumentException.class,
                () -> MmmDataset.builder(T3).channel("tv", new double[] {1, 1, 1}).build()).getMessage());
        assertThrows(NullPointerException.class, () -> MmmDataset.builder(null));
    }

    @Test
    void channelIndexAndTotalSpend() {
        MmmDataset d = national();
        assertEquals(1, d.channelIndex("search"));
        String m = assertThrows(IllegalArgumentException.class, () -> d.channelIndex("radio")).getMessage();
        assertEquals("no channel 'radio'; channels are [tv, search]", m);
        assertEquals(40, d.totalSpend(0));
        assertEquals(6, d.totalSpend(1));
        assertThrows(IndexOutOfBoundsException.class, () -> d.totalSpend(2));
        assertEquals(7 + 8 + 9, panel().totalSpend(1));
    }

    @Test
    void sliceTakesThePeriodsOfEveryGeo() {
        MmmDataset s = panel().slice(1, 3);
        assertAll(
                () -> assertEquals(T3.slice(1, 3), s.time()),
                () -> assertEquals(List.of("north", "south"), s.geos()),
                () -> assertEquals(4, s.nRows()),
                () -> assertArrayEquals(new double[] {2, 3, 20, 30}, s.kpi()),
                () -> assertArrayEquals(new double[] {0, 0, 3, 0, 5, 8, 6, 9}, s.spend()),
                () -> assertArrayEquals(new double[] {0, 0, 30, 0, 50, 8, 60, 9}, s.exposure()),
                () -> assertArrayEquals(new double[] {2, 3, 4, 5}, s.controlValues()),
                () -> assertArrayEquals(new double[] {1, 0, 0, 0}, s.eventValues()),
                () -> assertTrue(s.hasExposure(0)),
                () -> assertEquals(List.of("tv", "search"), s.channels()));
        assertThrows(IllegalArgumentException.class, () -> panel().slice(2, 2));
        assertThrows(IllegalArgumentException.class, () -> panel().slice(0, 4));
    }

    @Test
    void geoExtractsOneGeoAsNationalData() {
        MmmDataset south = panel().geo("south");
        assertAll(
                () -> assertEquals(List.of("south"), south.geos()),
                () -> assertEquals(T3, south.time()),
                () -> assertArrayEquals(new double[] {10, 20, 30}, south.kpi()),
                () -> assertArrayEquals(new double[] {4, 7, 5, 8, 6, 9}, south.spend()),
                () -> assertArrayEquals(new double[] {40, 7, 50, 8, 60, 9}, south.exposure()),
                () -> assertArrayEquals(new double[] {3, 4, 5}, south.controlValues()),
                () -> assertArrayEquals(new double[] {0, 0, 0}, south.eventValues()));
        String m = assertThrows(IllegalArgumentException.class, () -> panel().geo("east")).getMessage();
        assertEquals("no geo 'east'; geos are [north, south]", m);
    }

    @Test
    void aggregateSumsMediaAndKpiAveragesControlsAndOrsEvents() {
        MmmDataset a = panel().aggregate();
        assertAll(
                () -> assertEquals(List.of("national"), a.geos()),
                () -> assertEquals(T3, a.time()),
                () -> assertArrayEquals(new double[] {11, 22, 33}, a.kpi()),
                () -> assertArrayEquals(new double[] {5, 7, 5, 8, 9, 9}, a.spend()),
                () -> assertArrayEquals(new double[] {50, 7, 50, 8, 90, 9}, a.exposure()),
                () -> assertArrayEquals(new double[] {2, 3, 4}, a.controlValues(), Tolerances.EXACT_SUM),
                () -> assertArrayEquals(new double[] {0, 1, 0}, a.eventValues()));
        MmmDataset n = national();
        assertSame(n, n.aggregate());
    }

    @Test
    void withSpendReplacesSpendAndScalesExposure() {
        MmmDataset d = national();
        double[] s = {20, 1, 5, 2, 15, 3};
        MmmDataset w = d.withSpend(s);
        s[0] = -1;
        assertAll(
                () -> assertArrayEquals(new double[] {20, 1, 5, 2, 15, 3}, w.spend()),
                // tv: doubled, unchanged-zero becomes spend (no ratio), halved
                () -> assertArrayEquals(new double[] {2000, 1, 5, 2, 1250, 3}, w.exposure()),
                () -> assertArrayEquals(d.kpi(), w.kpi()),
                () -> assertArrayEquals(d.controlValues(), w.controlValues()),
                () -> assertArrayEquals(d.eventValues(), w.eventValues()),
                () -> assertEquals(d.time(), w.time()),
                () -> assertArrayEquals(new double[] {10, 1, 0, 2, 30, 3}, d.spend()));
    }

    @Test
    void withSpendKeepsExposureEqualToSpendForChannelsWithoutExposure() {
        MmmDataset d = MmmDataset.builder(T3).kpi("sales", new double[] {1, 2, 3})
                .channel("tv", new double[] {3, 0.1, 49}).build();
        double[] s = {7, 0.3, 1};
        MmmDataset w = d.withSpend(s);
        assertArrayEquals(s, w.exposure(), "a channel without an exposure column has exposure == spend, exactly");
    }

    @Test
    void withSpendValidatesItsInput() {
        MmmDataset d = national();
        assertEquals("newSpend.length = 2; expected 6",
                assertThrows(IllegalArgumentException.class, () -> d.withSpend(new double[2])).getMessage());
        assertEquals("newSpend[3] = -1.0; must be finite and >= 0", assertThrows(IllegalArgumentException.class,
                () -> d.withSpend(new double[] {1, 1, 1, -1, 1, 1})).getMessage());
        assertEquals("newSpend[0] = NaN; must be finite and >= 0", assertThrows(IllegalArgumentException.class,
                () -> d.withSpend(new double[] {Double.NaN, 1, 1, 1, 1, 1})).getMessage());
    }
}
