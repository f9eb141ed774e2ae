package io.github.mmm4j.transforms;

import static io.github.mmm4j.transforms.Tolerances.ROUNDING;
import static io.github.mmm4j.transforms.Tolerances.assertArrayClose;
import static io.github.mmm4j.transforms.Tolerances.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Family-specific identities of the adstocks. */
class AdstockExamplesTest {

    private static final double[] X = {0, 0, 3, 1, 0, 7.5, 2.25, 0, 0, 0, 4, 4, 4, 0.5, 0, 10, 0, 0, 1, 0};

    private static double[] apply(Adstock a, double[] x) {
        double[] out = new double[x.length];
        a.apply(x, x.length, out);
        return out;
    }

    @Property(tries = 50)
    void decayZeroOrWindowOneLeavesInputUnchanged(@ForAll @IntRange(min = 0, max = 12) int maxLag,
            @ForAll boolean normalized, @ForAll @DoubleRange(min = 0.0, max = 0.99) double alpha) {
        assertArrayEquals(X, apply(new Geometric(0.0, maxLag, normalized), X));
        assertArrayEquals(X, apply(new GeometricInfinite(0.0, normalized), X));
        assertArrayEquals(X, apply(new Geometric(alpha, 0, normalized), X));
        assertArrayEquals(X, apply(new Delayed(alpha == 0 ? 0.5 : alpha, 0.0, 0, normalized), X));
        assertArrayEquals(X, apply(new WeibullCdf(1.5, 0.5, 0), X));
        assertArrayEquals(X, apply(new WeibullPdf(1.5, 0.5, 0), X));
        assertArrayEquals(X, apply(new BetaGamma(0.5, 0.5, 0), X));
    }

    @Property(tries = 100)
    void normalisedWeightsSumToOne(@ForAll @DoubleRange(min = 0.0, max = 0.99) double alpha,
            @ForAll @IntRange(min = 0, max = 30) int maxLag) {
        assertClose(1.0, Series.sum(new Geometric(alpha, maxLag, true).weights(), maxLag + 1), ROUNDING, "geometric");
        assertClose(1.0, Series.sum(new Delayed(Math.max(alpha, 0.01), maxLag / 2.0, maxLag, true).weights(),
                maxLag + 1), ROUNDING, "delayed");
        assertEquals(1.0, new Geometric(alpha, maxLag, true).totalWeight());
    }

    @Property(tries = 100)
    void unnormalisedInfiniteGeometricMassIsSumOverOneMinusAlpha(
            @ForAll @DoubleRange(min = 0.0, max = 0.9) double alpha) {
        int n = X.length + 400;
        double[] padded = Arrays.copyOf(X, n);
        double mass = Series.sum(apply(new GeometricInfinite(alpha, false), padded), n);
        assertClose(Series.sum(X, X.length) / (1 - alpha), mass, 1e3 * ROUNDING, "mass");
        // the long finite window agrees with the recursion
        assertArrayClose(apply(new GeometricInfinite(alpha, false), padded),
                apply(new Geometric(alpha, n, false), padded), n, 1e3 * ROUNDING, "finite vs infinite");
    }

    @Example
    void geometricWindowMapsToOtherTools() {
        Geometric g = Adstock.geometric(0.5, 8, true);
        assertEquals(9, g.weights().length, "pymc-marketing l_max = maxLag + 1 = 9");
        assertEquals(8, g.maxLag(), "Meridian max_lag = 8");
        assertEquals(Adstock.INFINITE_LAG, Adstock.geometricInfinite(0.5, false).maxLag());
        assertThrows(UnsupportedOperationException.class, () -> Adstock.geometricInfinite(0.5, false).weights());
        assertEquals(2.0, Adstock.geometricInfinite(0.5, false).totalWeight());
    }

    @Example
    void robynRecursionOnConstantSpend() {
        // Robyn: adstock_geometric(rep(100, 5), theta = 0.5)$x_decayed = 100, 150, 175, 187.5, 193.75
        double[] out = apply(new GeometricInfinite(0.5, false), new double[] {100, 100, 100, 100, 100});
        assertArrayEquals(new double[] {100, 150, 175, 187.5, 193.75}, out);
    }

    @Property(tries = 100)
    void betaGammaTotalEffect(@ForAll @DoubleRange(min = 0.05, max = 0.95) double gamma,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double fraction) {
        double beta = (gamma - 1) + fraction * (2 - gamma) * 0.999 + 1e-6;
        BetaGamma bg = new BetaGamma(beta, gamma, 2000);
        assertClose(1 + beta / (1 - gamma), bg.totalWeight(), 1e3 * ROUNDING, "1 + beta / (1 - gamma)");
        assertEquals(true, bg.totalWeight() > 0, "total effect positive");
        double[] w = bg.weights(4);
        assertArrayClose(new double[] {1, beta, beta * gamma, beta * gamma * gamma}, w, 4, ROUNDING, "weights");
    }

    @Example
    void pullForwardMakesLaterPeriodsNegative() {
        BetaGamma bg = new BetaGamma(-0.4, 0.5, 5);
        double[] out = apply(bg, new double[] {10, 0, 0, 0});
        assertArrayClose(new double[] {10, -4, -2, -1}, out, 4, ROUNDING, "pull forward");
    }

    @Example
    void delayedPeaksAtTheta() {
        double[] w = new Delayed(0.5, 3.0, 8, true).weights();
        int argmax = 0;
        for (int l = 1; l < w.length; l++) {
            argmax = w[l] > w[argmax] ? l : argmax;
        }
        assertEquals(3, argmax);
    }

    @Example
    void weibullFollowsRobynDefinitions() {
        // CDF: w[0] = 1, then cumulative products of the Weibull survival function
        WeibullCdf cdf = new WeibullCdf(2.0, 0.5, 4);
        double lambda = 3.0;
        double[] expected = new double[5];
        expected[0] = 1;
        for (int l = 1; l < 5; l++) {
            expected[l] = expected[l - 1] * Math.exp(-Math.pow(l / lambda, 2.0));
        }
        assertArrayClose(expected, cdf.weights(), 5, ROUNDING, "cdf weights");
        // PDF: min-max rescaled density at 1..windlen
        double[] pdf = new WeibullPdf(3.0, 0.5, 6).weights();
        assertEquals(1.0, Arrays.stream(pdf).max().getAsDouble());
        assertEquals(0.0, Arrays.stream(pdf).min().getAsDouble());
        // Robyn rounds the scale in periods: round(1 + 0.31 * 10) = round(4.1) = 4
        assertEquals(4.0, WeibullCdf.fromRobyn(1.0, 0.31, 10).scaleInPeriods(), 1e-15);
        assertEquals(6.0, WeibullPdf.fromRobyn(1.0, 0.45, 10).scaleInPeriods(), 1e-15, "5.5 rounds to even");
    }
}
