package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Rng;
import io.github.mmm4j.transforms.Hill;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tabulated expectation agrees with the exact mean over draws, including S-shapes and infinite slopes at 0. */
class TabulatedResponseTest {

    /** The mean of Hill curves with random ec and slopes between 0.5 (infinite slope at 0) and 3 (S-shaped). */
    private static ChannelResponse mixture(long seed, int draws) {
        Rng rng = new Rng(seed);
        List<Hill> curves = new ArrayList<>();
        double[] beta = new double[draws];
        for (int d = 0; d < draws; d++) {
            curves.add(Saturation.hill(0.5 + 2 * rng.nextDouble(), 0.5 + 2.5 * rng.nextDouble()));
            beta[d] = 100 + 50 * rng.nextDouble();
        }
        double scale = 1000;
        return new ChannelResponse() {
            @Override
            public double value(double x) {
                double s = 0;
                for (int d = 0; d < draws; d++) {
                    s += beta[d] * curves.get(d).value(x / scale);
                }
                return s / draws;
            }

            @Override
            public double derivative(double x) {
                double s = 0;
                for (int d = 0; d < draws; d++) {
                    s += beta[d] * curves.get(d).derivative(x / scale) / scale;
                }
                return s / draws;
            }
        };
    }

    @Test
    void agreesWithTheExactResponseOverTenDecades() {
        ChannelResponse exact = mixture(7, 200);
        TabulatedResponse tab = new TabulatedResponse(exact, 2000);
        Rng rng = new Rng(11);
        for (int i = 0; i < 2000; i++) {
            double x = 1000 * Math.pow(10, -6 + 10 * rng.nextDouble());
            double v = exact.value(x);
            double d = exact.derivative(x);
            assertEquals(v, tab.value(x), 1e-7 * Math.abs(v), "value at " + x);
            assertEquals(d, tab.derivative(x), 1e-5 * Math.abs(d) + 1e-12, "derivative at " + x);
        }
    }

    @Test
    void usesTheExactResponseWhereTheSlopeIsInfinite() {
        ChannelResponse exact = mixture(3, 50);
        TabulatedResponse tab = new TabulatedResponse(exact, 2000);
        assertEquals(Double.POSITIVE_INFINITY, tab.derivative(0));
        double tiny = 2000.0 * Math.scalb(1.0, TabulatedResponse.LOWEST - 2);
        assertEquals(exact.value(tiny), tab.value(tiny), 0.0);
        assertEquals(exact.derivative(tiny), tab.derivative(tiny), 0.0);
        double small = 2000.0 * 1e-9;
        assertEquals(exact.value(small), tab.value(small), 1e-7 * exact.value(small));
        assertTrue(tab.value(1e9) > tab.value(1e6));
    }
}
