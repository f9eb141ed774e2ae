package io.github.mmm4j.models;

import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalAroundTest {

    @Test
    void centresTheReplicatesQuantilesOnThePoint() {
        double[] sample = new double[101];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = 10 + i;
        }
        Interval iv = Interval.around(sample, 0.9, 70);
        // quantiles 15 and 105, median 60: shifted by +10
        assertEquals(25, iv.lower(), 1e-12);
        assertEquals(115, iv.upper(), 1e-12);
        assertTrue(iv.contains(70));
    }

    @Test
    void neverLeavesTheSignEveryReplicateShares() {
        double[] sample = new double[101];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = i;
        }
        // median 50, point 2: the shifted lower end would be 5 - 48 < 0
        Interval pos = Interval.around(sample, 0.9, 2);
        assertEquals(0.0, pos.lower(), 0.0);
        assertEquals(95 - 48, pos.upper(), 1e-12);
        double[] neg = new double[101];
        for (int i = 0; i < neg.length; i++) {
            neg[i] = -i;
        }
        Interval n = Interval.around(neg, 0.9, -2);
        assertEquals(0.0, n.upper(), 0.0);
        assertTrue(n.contains(-2));
        // a sample with both signs is not clipped
        double[] mixed = {-3, -1, 0, 1, 3};
        assertTrue(Interval.around(mixed, 0.9, 0.5).lower() < 0);
    }
}
