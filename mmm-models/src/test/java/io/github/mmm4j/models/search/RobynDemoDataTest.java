package io.github.mmm4j.models.search;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on Robyn's demo data ({@code shared/data/robyn_simulated_weekly}, see its README): the five paid
 * channels' spends and the organic {@code newsletter} as channels (geometric adstock and Hill saturation, as Robyn's
 * demo), {@code competitor_sales_B} as a control, the two events as indicators, trend and two yearly harmonics, on
 * Robyn's demo window 2016-01-01 .. 2018-12-31 (157 weeks). The data have no published truth, so the test checks the
 * contract: the search completes, the front is non-empty, the newsletter is organic (no spend share), every refit
 * media effect is non-negative, and the chosen model explains most of the variance.
 */
class RobynDemoDataTest {

    static Path dataFile() {
        return Path.of(System.getProperty("mmm4j.root", "."), "..", "shared", "data", "robyn_simulated_weekly",
                "dt_simulated_weekly.csv");
    }

    /** Reads the CSV (plain, no quoted commas) into a dataset over Robyn's demo window. */
    static MmmDataset load(Path p) throws IOException {
        List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
        String[] header = lines.get(0).replace("\"", "").split(",");
        List<String> cols = List.of(header);
        List<LocalDate> dates = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.replace("\"", "").split(",");
            LocalDate d = LocalDate.parse(f[0]);
            if (!d.isBefore(LocalDate.of(2016, 1, 1)) && !d.isAfter(LocalDate.of(2018, 12, 31))) {
                dates.add(d);
                rows.add(f);
            }
        }
        int n = rows.size();
        MmmDataset.Builder b = MmmDataset.builder(TimeIndex.of(dates));
        b.kpi("revenue", column(rows, cols.indexOf("revenue")));
        for (String c : List.of("tv_S", "ooh_S", "print_S", "facebook_S", "search_S", "newsletter")) {
            b.channel(c, column(rows, cols.indexOf(c)));
        }
        b.control("competitor_sales_B", column(rows, cols.indexOf("competitor_sales_B")));
        int ev = cols.indexOf("events");
        for (String e : List.of("event1", "event2")) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rows.get(i)[ev].equals(e) ? 1 : 0;
            }
            if (java.util.Arrays.stream(v).sum() > 0) {
                b.event(e, v);
            }
        }
        return b.build();
    }

    private static double[] column(List<String[]> rows, int j) {
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(rows.get(i)[j]);
        }
        return v;
    }

    @Test
    void searchRunsEndToEndOnRobynsDemoData() throws IOException {
        Path p = dataFile();
        Assumptions.assumeTrue(Files.exists(p), "skipped: " + p + " not found (shared data absent)");
        MmmDataset data = load(p);
        assertEquals(157, data.nPeriods());
        List<ChannelSpec> cs = new ArrayList<>();
        for (String c : data.channels()) {
            cs.add(new ChannelSpec(c, Adstock.geometric(0.5, 8, true), Saturation.hill(1, 1)));
        }
        ModelSpec spec = new ModelSpec(cs, true, 2);
        SearchOptions o = SearchOptions.defaults().withTrials(2).withIterationsPerTrial(1000).withSeed(123)
                .withOrganicChannels(Set.of("newsletter"));
        SearchResult r = HyperparameterSearch.run(data, spec, o);
        assertEquals(SearchStatus.COMPLETED, r.status());
        assertEquals(2000, r.evaluations());
        assertFalse(r.front().isEmpty());
        Candidate sel = r.selected();
        assertEquals(0.0, sel.spendShares()[5], "newsletter is organic");
        assertTrue(sel.rSquared() > 0.8, "R^2 = " + sel.rSquared());
        FittedModel m = sel.fit(data, RidgeOptions.defaults().withBootstrap(20));
        for (ChannelSummary s : m.channels()) {
            assertTrue(s.contribution() >= 0, s.name() + " contribution " + s.contribution());
            assertTrue(s.roiInterval().isPresent(), "the refit carries bootstrap intervals");
        }
        assertEquals(sel.nrmse(), r.front().stream().mapToDouble(Candidate::nrmse)
                .filter(x -> x == sel.nrmse()).findFirst().orElseThrow());
    }
}
