package io.github.mmm4j.optimize.shapley;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.Design;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import io.github.mmm4j.models.Ridge;
import io.github.mmm4j.models.RidgeOptions;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shapley axioms (efficiency, symmetry, null player), equality with the decomposition for additive models, the
 * difference from one-at-a-time attribution for a multiplicative model, and permutation sampling. Tolerances: sums
 * and path comparisons to {@code 1e-9} relative (rounding only); sampled values within 4 standard errors of the
 * exact values (for a correct estimator each comparison fails with probability about 6e-5; the seed is fixed, so
 * the test is deterministic).
 */
class ShapleyTest {

    static final double EXACT = 1e-9;

    static MmmDataset data(int channels, int n, long seed, boolean twinFirstTwo) {
        Rng rng = new Rng(seed);
        TimeIndex time = TimeIndex.regular(LocalDate.of(2022, 1, 3), Frequency.WEEKLY, n);
        MmmDataset.Builder b = MmmDataset.builder(time);
        double[] kpi = new double[n];
        for (int t = 0; t < n; t++) {
            kpi[t] = 1000 + 20 * rng.nextGaussian();
        }
        b.kpi("sales", kpi);
        double[] first = null;
        for (int c = 0; c < channels; c++) {
            double[] s = new double[n];
            for (int t = 0; t < n; t++) {
                s[t] = (c + 1) * 100 * (0.5 + rng.nextDouble());
            }
            if (twinFirstTwo && c == 1) {
                s = first.clone();
            }
            if (c == 0) {
                first = s;
            }
            b.channel("ch" + c, s);
        }
        return b.build();
    }

    static FittedModel linear(MmmDataset data, double[] betas) {
        List<ChannelSpec> cs = new ArrayList<>();
        for (String c : data.channels()) {
            cs.add(new ChannelSpec(c, Adstock.geometric(0.4, 4, true), Saturation.hill(1, 1)));
        }
        ModelSpec spec = new ModelSpec(cs, false, 0);
        Design.Frame frame = Design.Frame.of(data);
        int p = Design.of(data, spec, frame).cols();
        double[] coef = new double[p];
        System.arraycopy(betas, 0, coef, p - betas.length, betas.length);
        return FittedModel.point("test", spec, data, 0, frame, 0, coef, Provenance.of("test", 0, Map.of()));
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }

    @Test
    void additiveModelShapleyEqualsTheDecompositionOnBothPaths() {
        MmmDataset d = data(4, 80, 1, false);
        FittedModel m = Ridge.fit(d, ModelSpec.defaults(d), RidgeOptions.defaults().withLambda(0.1).withBootstrap(0));
        ShapleyResult generic = Shapley.exact(CoalitionValue.ofModel(m, d, 10, 80));
        ShapleyResult fast = Shapley.exact(CoalitionValue.separable(m, d, 10, 80));
        var dec = m.decompose(d);
        for (int c = 0; c < 4; c++) {
            double[] comp = dec.component(d.channels().get(c));
            double window = 0;
            for (int t = 10; t < 80; t++) {
                window += comp[t];
            }
            assertEquals(window, generic.values()[c], EXACT * Math.max(1, Math.abs(window)), "generic " + c);
            assertEquals(window, fast.values()[c], EXACT * Math.max(1, Math.abs(window)), "separable " + c);
        }
        assertEquals(generic.total(), fast.total(), EXACT * Math.abs(generic.total()));
        assertEquals(ShapleyResult.Method.EXACT, Shapley.of(m, 1).method());
        assertArrayEquals(Shapley.exact(CoalitionValue.separable(m, d, 0, 80)).values(), Shapley.of(m, 1).values());
    }

    @Test
    void multiplicativeModelDiffersFromOneAtATimeAndIsEfficient() {
        MmmDataset d = data(4, 60, 2, false);
        MultiplicativeModel m = new MultiplicativeModel(linear(d, new double[] {0.2, 0.3, 0.15, 0.25}), Math.log(1000));
        CoalitionValue game = CoalitionValue.ofPredictor(m::predict, d, 0, 60);
        ShapleyResult s = Shapley.exact(game);
        // Efficiency.
        assertEquals(s.total(), sum(s.values()), EXACT * Math.abs(s.total()));
        // One-at-a-time (removal) effects do not add up to the total media effect; Shapley values differ from them.
        int n = 4;
        long all = (1L << n) - 1;
        double removalSum = 0;
        for (int c = 0; c < n; c++) {
            double removal = game.value(all) - game.value(all & ~(1L << c));
            removalSum += removal;
            assertTrue(Math.abs(removal - s.values()[c]) > 1e-3 * Math.abs(s.values()[c]), "channel " + c);
        }
        assertTrue(Math.abs(removalSum - s.total()) > 0.01 * s.total(), removalSum + " vs " + s.total());
        // The separable form with the exponential link is the same game.
        MmmDataset zero = d.withSpend(new double[d.nRows() * n]);
        double[] base = new double[60];
        java.util.Arrays.fill(base, Math.log(1000));
        double[][] series = new double[n][];
        for (int c = 0; c < n; c++) {
            series[c] = m.inner.channelContribution(c, 0, d.spendColumn(c));
        }
        ShapleyResult fast = Shapley.exact(CoalitionValue.separable(d.channels(), base, series, Link.exp()));
        for (int c = 0; c < n; c++) {
            assertEquals(s.values()[c], fast.values()[c], EXACT * Math.abs(s.values()[c]));
        }
        assertEquals(m.predict(zero)[0], 1000, 1e-9);
    }

    @Test
    void symmetricChannelsGetEqualValuesAndANullChannelGetsZero() {
        MmmDataset d = data(4, 52, 3, true);
        // ch0 and ch1 have identical spend and coefficients; ch3 has coefficient 0 (null player).
        MultiplicativeModel m = new MultiplicativeModel(linear(d, new double[] {0.2, 0.2, 0.3, 0}), Math.log(500));
        ShapleyResult s = Shapley.exact(CoalitionValue.ofPredictor(m::predict, d, 0, 52));
        assertEquals(s.values()[0], s.values()[1], EXACT * Math.abs(s.values()[0]));
        assertEquals(0, s.values()[3]);
        assertTrue(s.values()[2] > s.values()[0]);
    }

    static CoalitionValue expGame(int n, int rows, long seed) {
        Rng rng = new Rng(seed);
        double[] base = new double[rows];
        double[][] series = new double[n][rows];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            names.add("ch" + c);
        }
        for (int r = 0; r < rows; r++) {
            base[r] = 7 + 0.1 * rng.nextGaussian();
            for (int c = 0; c < n; c++) {
                series[c][r] = 0.05 * rng.nextDouble() * (1 + c % 3);
            }
        }
        return CoalitionValue.separable(names, base, series, Link.exp());
    }

    @Test
    void antitheticSamplingAgreesWithExactValuesWithinFourStandardErrors() {
        CoalitionValue game = expGame(8, 52, 4);
        ShapleyResult exact = Shapley.exact(game);
        ShapleyResult sampled = Shapley.sample(game, 400, 11);
        assertEquals(ShapleyResult.Method.PERMUTATION, sampled.method());
        for (int c = 0; c < 8; c++) {
            double se = sampled.standardErrors()[c];
            assertTrue(se > 0);
            assertTrue(Math.abs(sampled.values()[c] - exact.values()[c]) <= 4 * se + 1e-9 * Math.abs(exact.values()[c]),
                    "channel " + c + ": " + sampled.values()[c] + " vs " + exact.values()[c] + " se " + se);
        }
        // Every sample is efficient, so the estimates are too.
        assertEquals(exact.total(), sum(sampled.values()), EXACT * exact.total());
        // Same seed, same bits.
        assertEquals(sampled, Shapley.sample(game, 400, 11));
    }

    @Test
    void beyondSixteenChannelsComputeSamplesAndStaysEfficient() {
        CoalitionValue game = expGame(20, 30, 5);
        ShapleyResult s = Shapley.compute(game, 3);
        assertEquals(ShapleyResult.Method.PERMUTATION, s.method());
        assertEquals(Shapley.DEFAULT_PAIRS, s.samples());
        assertEquals(s.total(), sum(s.values()), EXACT * s.total());
    }

    @Test
    void sixteenChannelsExactlyAreEfficient() {
        CoalitionValue game = expGame(16, 156, 6);
        ShapleyResult s = Shapley.compute(game, 0);
        assertEquals(ShapleyResult.Method.EXACT, s.method());
        assertEquals(s.total(), sum(s.values()), EXACT * s.total());
        // The Gray-code enumeration agrees with direct evaluation.
        double[] all = new double[1 << 16];
        game.allValues(all);
        for (long m : new long[] {0, 1, 0xABCD, 0xFFFF, 0x8001}) {
            assertEquals(game.value(m), all[(int) m], EXACT * all[(int) m]);
        }
    }

    @Test
    void badInputIsRejected() {
        CoalitionValue game = expGame(3, 10, 7);
        assertThrows(IllegalArgumentException.class, () -> Shapley.sample(game, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Shapley.exact(expGame(21, 2, 1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoalitionValue.separable(List.of("a"), new double[] {1, Double.NaN}, new double[][] {{1, 2}},
                        Link.identity()));
        assertTrue(e.getMessage().contains("base[1] = NaN"), e.getMessage());
    }
}
