package io.github.mmm4j.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.Rng;
import io.github.mmm4j.models.Interval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The consensus rule of {@link Agreement}: pooled draws, never an intersection, never a number outside its interval. */
class ConsensusTest {

    /** Models whose ROI draws are normal with the given means and standard deviations, 200 draws each. */
    private static ChannelConsensus consensus(double[] mean, double[] sd, long seed) {
        Rng rng = new Rng(seed);
        List<ModelEstimate> est = new ArrayList<>();
        List<double[]> draws = new ArrayList<>();
        for (int k = 0; k < mean.length; k++) {
            double[] d = new double[200];
            for (int i = 0; i < d.length; i++) {
                d[i] = mean[k] + sd[k] * rng.nextGaussian();
            }
            draws.add(d);
            // A point estimate that may lie outside the model's own interval (as shrunk bootstrap fits do).
            est.add(new ModelEstimate("m" + k, mean[k] + 3 * sd[k], Optional.of(Interval.of(d, 0.9)), 1, 0.5, 1));
        }
        return Analyst.consensus("x", est, draws, false, false);
    }

    @Property(tries = 200)
    void theConsensusLiesInsideItsIntervalWhichSpansTheIntersectionAndStaysInTheHull(
            @ForAll @IntRange(min = 1, max = 4) int models, @ForAll @DoubleRange(min = 0.1, max = 5) double spread,
            @ForAll long seed) {
        Rng rng = new Rng(seed);
        double[] mean = new double[models];
        double[] sd = new double[models];
        for (int k = 0; k < models; k++) {
            mean[k] = 3 + spread * rng.nextGaussian();
            sd[k] = 0.05 + rng.nextDouble();
        }
        ChannelConsensus c = consensus(mean, sd, seed);
        double maxLo = Double.NEGATIVE_INFINITY;
        double minHi = Double.POSITIVE_INFINITY;
        double minLo = Double.POSITIVE_INFINITY;
        double maxHi = Double.NEGATIVE_INFINITY;
        for (ModelEstimate e : c.estimates()) {
            Interval i = e.roiInterval().orElseThrow();
            maxLo = Math.max(maxLo, i.lower());
            minHi = Math.min(minHi, i.upper());
            minLo = Math.min(minLo, i.lower());
            maxHi = Math.max(maxHi, i.upper());
        }
        boolean pairwiseOverlap = true;
        for (ModelEstimate a : c.estimates()) {
            for (ModelEstimate b : c.estimates()) {
                Interval x = a.roiInterval().orElseThrow();
                Interval y = b.roiInterval().orElseThrow();
                pairwiseOverlap &= x.upper() >= y.lower() && y.upper() >= x.lower();
            }
        }
        assertEquals(pairwiseOverlap, c.agreement() != Agreement.DISAGREE);
        assertEquals(pairwiseOverlap, c.consensusRoi().isPresent());
        if (pairwiseOverlap) {
            Interval iv = c.consensusInterval().orElseThrow();
            assertTrue(iv.contains(c.consensusRoi().orElseThrow()), c.toString());
            assertTrue(iv.lower() <= maxLo + 1e-12 && iv.upper() >= minHi - 1e-12, "contains the intersection");
            assertTrue(iv.lower() >= minLo - 1e-12 && iv.upper() <= maxHi + 1e-12, "within the hull");
            assertEquals(200 * models, c.pooledDraws());
        } else {
            assertTrue(c.consensusInterval().isEmpty());
            assertEquals(0, c.pooledDraws());
        }
    }

    /**
     * Bootstrap models report intervals centred on their estimates ({@link Interval#around}); their draws are moved
     * the same way before pooling, so the pool's interval is each such model's own, and with a sampled model beside
     * them the consensus stays inside the models' hull and contains their common part. Found on real data: pooling
     * the raw replicates put social's consensus (3.45) above all three models' estimates (2.75 to 3.07).
     */
    @Property(tries = 100)
    void bootstrapDrawsArePooledAsTheirIntervalsCentreThem(@ForAll @DoubleRange(min = -1, max = 1) double offset,
            @ForAll long seed) {
        Rng rng = new Rng(seed);
        double[] raw = new double[200];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = 3 + 0.4 * rng.nextGaussian();
        }
        double point = 3 + offset;
        Interval own = Interval.around(raw, 0.9, point);
        double[] moved = raw.clone();
        Analyst.recentre(moved, point);
        Interval pooledAlone = Interval.of(moved, 0.9);
        assertEquals(own.lower(), pooledAlone.lower(), 1e-12 * 10);
        assertEquals(own.upper(), pooledAlone.upper(), 1e-12 * 10);
        double[] bayes = new double[200];
        for (int i = 0; i < bayes.length; i++) {
            bayes[i] = 3.2 + 0.5 * rng.nextGaussian();
        }
        List<ModelEstimate> est = List.of(
                new ModelEstimate("ridge", point, Optional.of(own), 1, 0.5, 1),
                new ModelEstimate("bayes", 3.2, Optional.of(Interval.of(bayes, 0.9)), 1, 0.5, 1));
        ChannelConsensus c = Analyst.consensus("x", est, List.of(moved, bayes), false, false);
        if (c.consensusInterval().isPresent()) {
            Interval iv = c.consensusInterval().get();
            Interval b = est.get(1).roiInterval().get();
            assertTrue(iv.lower() >= Math.min(own.lower(), b.lower()) && iv.upper() <= Math.max(own.upper(),
                    b.upper()), "within the hull: " + iv + " " + own + " " + b);
            assertTrue(iv.lower() <= Math.max(own.lower(), b.lower()) && iv.upper() >= Math.min(own.upper(),
                    b.upper()), "contains the common part");
            assertTrue(iv.contains(c.consensusRoi().orElseThrow()));
        }
        // non-negative replicates whose point sits below them stay non-negative, as the model's interval does
        double[] small = {0.1, 0.2, 0.3, 0.4, 0.5};
        Analyst.recentre(small, 0.05);
        assertEquals(0.0, Arrays.stream(small).min().orElseThrow());
        assertEquals(0.05, small[2], 1e-15, "the median falls on the point");
    }

    @Test
    void modelsWhoseIntervalsDoNotOverlapDisagreeAndShowEachModelsRangeInsteadOfANumber() {
        // The case: ridge tight and low, the Bayesian model wide and high.
        ChannelConsensus c = consensus(new double[] {2789, 4968}, new double[] {100, 700}, 1);
        assertEquals(Agreement.DISAGREE, c.agreement());
        assertTrue(c.consensusRoi().isEmpty() && c.consensusInterval().isEmpty());
        assertTrue(c.ranges().startsWith("m0 ") && c.ranges().contains("; m1 "), c.ranges());
        assertTrue(c.ranges().contains(","), "thousands separators: " + c.ranges());
    }

    @Test
    void agreeingModelsAreConfirmedWithThePooledMedian() {
        ChannelConsensus c = consensus(new double[] {3.0, 3.1, 2.9}, new double[] {0.3, 0.4, 0.5}, 2);
        assertEquals(Agreement.CONFIRMED, c.agreement(), c.reasons().toString());
        double roi = c.consensusRoi().orElseThrow();
        assertTrue(Math.abs(roi - 3.0) < 0.15, "pooled median " + roi);
        // The old rule's mean of the points (here 3.3 + 3 sd offsets) is not what is reported.
        assertFalse(Math.abs(roi - (3.0 + 3.1 + 2.9 + 3 * (0.3 + 0.4 + 0.5)) / 3) < 0.05);
    }

    @Test
    void aModelWithoutDrawsLeavesTheChannelUncertainWithoutAConsensus() {
        List<ModelEstimate> est = List.of(
                new ModelEstimate("a", 3, Optional.of(new Interval(2, 4, 0.9)), 1, 0.5, 1),
                new ModelEstimate("b", 3, Optional.empty(), 1, 0.5, 1));
        ChannelConsensus c = Analyst.consensus("x", est, List.of(), false, false);
        assertEquals(Agreement.UNCERTAIN, c.agreement());
        assertTrue(c.consensusRoi().isEmpty());
    }
}
