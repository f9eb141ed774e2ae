package io.github.mmm4j.transforms;

import static io.github.mmm4j.transforms.Tolerances.FINITE_DIFFERENCE;
import static io.github.mmm4j.transforms.Tolerances.ROUNDING;
import static io.github.mmm4j.transforms.Tolerances.assertArrayClose;
import static io.github.mmm4j.transforms.Tolerances.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The batched kernels equal the per-channel loop, and their gradient equals finite differences. */
class TransformsTest {

    @Provide
    Arbitrary<Adstock> adstock() {
        return Arbitraries.oneOf(
                new GeometricTest().adstocks(), new GeometricInfiniteTest().adstocks(), new DelayedTest().adstocks(),
                new WeibullCdfTest().adstocks(), new WeibullPdfTest().adstocks(), new BetaGammaTest().adstocks());
    }

    @Provide
    Arbitrary<Saturation> saturation() {
        return Arbitraries.oneOf(new HillContractTest().saturations(), new LogisticContractTest().saturations(),
                new SigmoidContractTest().saturations(), new MichaelisMentenContractTest().saturations(),
                new TanhContractTest().saturations());
    }

    @Provide
    Arbitrary<Adstock[]> adstocks() {
        return adstock().array(Adstock[].class).ofMinSize(1).ofMaxSize(7);
    }

    /** A saturation per adstock. */
    private static Saturation[] saturations(Adstock[] a, long seed) {
        Random rnd = new Random(seed);
        Saturation[] s = new Saturation[a.length];
        for (int c = 0; c < a.length; c++) {
            double p = 0.1 + rnd.nextDouble() * 5;
            switch (c % 5) {
                case 0 -> s[c] = new Hill(p * 10, c % 2 == 0 ? 2.0 : 0.5 + rnd.nextDouble() * 3);
                case 1 -> s[c] = new Logistic(p / 20);
                case 2 -> s[c] = new Sigmoid(p * 10, p / 10);
                case 3 -> s[c] = new MichaelisMenten(p, p * 20);
                default -> s[c] = new Tanh(p, p);
            }
        }
        return s;
    }

    private static double[] spend(int n, int nc, long seed) {
        Random rnd = new Random(seed);
        double[] x = new double[n * nc];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(4) == 0 ? 0.0 : rnd.nextDouble() * 100;
        }
        return x;
    }

    @Property(tries = 100)
    void batchedEqualsPerChannelLoop(@ForAll("adstocks") Adstock[] a, @ForAll @IntRange(min = 0, max = 700) int n,
            @ForAll long seed) {
        int nc = a.length;
        Saturation[] s = saturations(a, seed);
        double[] x = spend(n, nc, seed);
        double[] expected = new double[n * nc];
        double[] expectedAdstock = new double[n * nc];
        for (int c = 0; c < nc; c++) {
            a[c].apply(x, c, nc, expectedAdstock, c, nc, n);
            s[c].apply(expectedAdstock, c, nc, expected, c, nc, n);
        }
        TransformWorkspace ws = new TransformWorkspace();
        double[] out = Transforms.forward(a, s, x, n, null, ws);
        assertArrayClose(expected, out, n * nc, ROUNDING, "forward");
        double[] again = Transforms.forward(a, s, x, n, out, ws);
        assertSame(out, again, "output reused");
        assertArrayClose(expectedAdstock, Transforms.adstock(a, x, n, null, null), n * nc, ROUNDING, "adstock");
    }

    /**
     * Backward with the forward pass kept ({@link TransformWorkspace#forGradients()}) against backward that recomputes
     * it: the same bits for the parameter and input gradients, and the same forward output.
     */
    @Property(tries = 100)
    void aKeptForwardGivesTheGradientsBitForBit(@ForAll("adstocks") Adstock[] a,
            @ForAll @IntRange(min = 0, max = 2500) int n, @ForAll long seed) {
        int nc = a.length;
        Saturation[] s = saturations(a, seed);
        // both Hill paths in every draw: an integer slope and a general one
        s[0] = new Hill(s[0] instanceof Hill h ? h.ec() : 30.0, 2.0);
        s[nc - 1] = new Hill(40.0, 0.5 + new Random(seed).nextDouble() * 3);
        double[] x = spend(n, nc, seed);
        double[] g = spend(n, nc, seed + 1);
        int np = Transforms.parameterCount(a, s);
        double[] plainOut = Transforms.forward(a, s, x, n, null, new TransformWorkspace());
        double[] plainGrad = new double[np];
        double[] plainIn = new double[n * nc];
        Transforms.backward(a, s, x, n, g, plainGrad, plainIn, new TransformWorkspace());

        TransformWorkspace kept = TransformWorkspace.forGradients();
        double[] keptGrad = new double[np];
        double[] keptIn = new double[n * nc];
        for (int rep = 0; rep < 2; rep++) {
            // the second round reuses the grown arrays of the first
            double[] out = Transforms.forward(a, s, x, n, null, kept);
            java.util.Arrays.fill(keptGrad, 0.0);
            java.util.Arrays.fill(keptIn, 0.0);
            Transforms.backward(a, s, x, n, g, keptGrad, keptIn, kept);
            assertArrayEquals(plainOut, out, "forward with the pass kept");
            assertArrayEquals(plainGrad, keptGrad, "parameter gradient from the kept pass");
            assertArrayEquals(plainIn, keptIn, "input gradient from the kept pass");
        }
    }

    /** A kept forward pass is used only for the spend and transforms it was made with. */
    @Example
    void aKeptForwardIsNotUsedForOtherSpendOrTransforms() {
        Adstock[] a = {Adstock.geometric(0.6, 8, true), Adstock.weibullPdf(2.0, 0.3, 12)};
        Saturation[] s = {Saturation.hill(50, 1.3), Saturation.michaelisMenten(2, 30)};
        int n = 300;
        double[] x = spend(n, a.length, 11);
        double[] g = spend(n, a.length, 12);
        TransformWorkspace kept = TransformWorkspace.forGradients();
        Transforms.forward(a, s, x, n, null, kept);
        double[] before = plainGradient(a, s, x, n, g);

        // the spend changed in place after the forward pass, in one period of each channel
        double x16 = x[16];
        double x17 = x[17];
        x[16] += 5.0;
        x[17] += 5.0;
        double[] changed = plainGradient(a, s, x, n, g);
        for (int k = 0; k < changed.length; k++) {
            // every parameter's gradient moves with that spend, so a stale kept pass would show
            assertNotEquals(before[k], changed[k], "gradient " + k + " after the spend changed");
        }
        assertArrayEquals(changed, keptGradient(a, s, x, n, g, kept), "changed spend");
        x[16] = x16;
        x[17] = x17;
        // other transform parameters (equal classes, other values); then the kept ones again
        Saturation[] other = {Saturation.hill(60, 1.3), Saturation.michaelisMenten(2, 30)};
        assertArrayEquals(plainGradient(a, other, x, n, g), keptGradient(a, other, x, n, g, kept), "changed Hill");
        Adstock[] otherA = {Adstock.geometric(0.5, 8, true), a[1]};
        assertArrayEquals(plainGradient(otherA, s, x, n, g), keptGradient(otherA, s, x, n, g, kept),
                "changed adstock");
        assertArrayEquals(plainGradient(a, s, x, 200, g), keptGradient(a, s, x, 200, g, kept), "fewer periods");
        assertArrayEquals(plainGradient(a, s, x, n, g), keptGradient(a, s, x, n, g, kept), "the kept spend again");
        // an adstock-only pass neither uses nor spoils the kept forward pass
        Transforms.adstock(otherA, x, n, null, kept);
        assertArrayEquals(plainGradient(a, s, x, n, g), keptGradient(a, s, x, n, g, kept), "after an adstock pass");
    }

    @Example
    void theInputGradientMustNotOverwriteTheSpend() {
        Adstock[] a = {Adstock.geometric(0.6, 8, true)};
        Saturation[] s = {Saturation.hill(50, 1.3)};
        double[] x = spend(100, 1, 3);
        double[] g = spend(100, 1, 4);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Transforms.backward(a, s, x, 100, g, new double[4], x, TransformWorkspace.forGradients()));
        assertTrue(e.getMessage().contains("gIn"), e.getMessage());
    }

    private static double[] plainGradient(Adstock[] a, Saturation[] s, double[] x, int n, double[] g) {
        double[] grad = new double[Transforms.parameterCount(a, s)];
        Transforms.backward(a, s, x, n, g, grad, null, new TransformWorkspace());
        return grad;
    }

    private static double[] keptGradient(Adstock[] a, Saturation[] s, double[] x, int n, double[] g,
            TransformWorkspace ws) {
        double[] grad = new double[Transforms.parameterCount(a, s)];
        Transforms.backward(a, s, x, n, g, grad, null, ws);
        return grad;
    }

    @Property(tries = 100)
    void batchedBackwardEqualsPerChannelChain(@ForAll("adstocks") Adstock[] a,
            @ForAll @IntRange(min = 1, max = 700) int n, @ForAll long seed) {
        int nc = a.length;
        Saturation[] s = saturations(a, seed);
        double[] x = spend(n, nc, seed);
        double[] g = spend(n, nc, seed + 1);
        int np = Transforms.parameterCount(a, s);
        double[] expectedGrad = new double[np];
        double[] expectedIn = new double[n * nc];
        double[] ad = new double[n];
        double[] gAd = new double[n];
        for (int c = 0; c < nc; c++) {
            java.util.Arrays.fill(gAd, 0.0);
            a[c].apply(x, c, nc, ad, 0, 1, n);
            s[c].backward(ad, 0, 1, g, c, nc, n, expectedGrad, Transforms.saturationParameterOffset(a, s, c), gAd, 0,
                    1);
            a[c].backward(x, c, nc, gAd, 0, 1, n, expectedGrad, Transforms.adstockParameterOffset(a, s, c),
                    expectedIn, c, nc);
        }
        double[] grad = new double[np];
        double[] gIn = new double[n * nc];
        Transforms.backward(a, s, x, n, g, grad, gIn, new TransformWorkspace());
        assertArrayClose(expectedGrad, grad, np, 1e3 * ROUNDING, "parameter gradient");
        assertArrayClose(expectedIn, gIn, n * nc, 1e3 * ROUNDING, "input adjoint");
    }

    @Property(tries = 30, seed = "20261206")
    void batchedGradientMatchesFiniteDifferences(@ForAll("adstocks") Adstock[] a,
            @ForAll @IntRange(min = 1, max = 60) int n, @ForAll long seed) {
        int nc = a.length;
        Saturation[] s = saturations(a, seed);
        double[] x = spend(n, nc, seed);
        double[] g = spend(n, nc, seed + 1);
        int np = Transforms.parameterCount(a, s);
        double[] grad = new double[np];
        Transforms.backward(a, s, x, n, g, grad, null, null);
        double[] out = Transforms.forward(a, s, x, n, null, null);
        double scale = Series.absDot(g, out, n * nc);
        for (int c = 0; c < nc; c++) {
            int ao = Transforms.adstockParameterOffset(a, s, c);
            double[] p = a[c].parameters();
            for (int k = 0; k < p.length; k++) {
                int cc = c;
                int kk = k;
                double fd = Tolerances.centralDifference(v -> {
                    double[] q = p.clone();
                    q[kk] = v;
                    Adstock[] b = a.clone();
                    b[cc] = a[cc].withParameters(q);
                    return Series.dot(g, Transforms.forward(b, s, x, n, null, null), n * nc);
                }, p[k]);
                assertClose(fd, grad[ao + k], FINITE_DIFFERENCE, scale, a[c] + " " + a[c].parameterNames().get(k));
            }
            int so = Transforms.saturationParameterOffset(a, s, c);
            double[] q0 = s[c].parameters();
            for (int k = 0; k < q0.length; k++) {
                int cc = c;
                int kk = k;
                double fd = Tolerances.centralDifference(v -> {
                    double[] q = q0.clone();
                    q[kk] = v;
                    Saturation[] b = s.clone();
                    b[cc] = s[cc].withParameters(q);
                    return Series.dot(g, Transforms.forward(a, b, x, n, null, null), n * nc);
                }, q0[k]);
                assertClose(fd, grad[so + k], FINITE_DIFFERENCE, scale, s[c] + " " + s[c].parameterNames().get(k));
            }
        }
    }

    @Example
    void steadyStateKernelsAreAllocationFree() {
        Adstock[] a = {Adstock.geometric(0.6, 8, true), Adstock.weibullPdf(2.0, 0.3, 12),
            Adstock.geometricInfinite(0.5, false), Adstock.betaGamma(-0.2, 0.5, 6)};
        Saturation[] s = {Saturation.hill(50, 2.0), Saturation.hill(50, 1.3), Saturation.tanh(3, 2),
            Saturation.michaelisMenten(2, 30)};
        int n = 3000;
        double[] x = spend(n, a.length, 7);
        double[] out = new double[x.length];
        double[] g = spend(n, a.length, 8);
        double[] grad = new double[Transforms.parameterCount(a, s)];
        double[] gIn = new double[x.length];
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (TransformWorkspace ws : new TransformWorkspace[] {new TransformWorkspace(),
            TransformWorkspace.forGradients()}) {
            // The least over several warm calls: a call during which the JIT swaps compiled code can allocate a few
            // bytes (96 were seen once) without the kernels allocating; a kernel that allocates does so on every call.
            long allocated = Long.MAX_VALUE;
            for (int rep = 0; rep < 12; rep++) {
                long before = bean.getCurrentThreadAllocatedBytes();
                Transforms.forward(a, s, x, n, out, ws);
                Transforms.backward(a, s, x, n, g, grad, gIn, ws);
                allocated = Math.min(allocated, bean.getCurrentThreadAllocatedBytes() - before);
            }
            assertEquals(0L, allocated, "bytes allocated by a warm forward + backward, keeping the forward pass: "
                    + ws.keepsForward());
        }
    }

    @Property(tries = 100)
    void steadyStateMatchesConstantSpendAndItsDerivative(@ForAll("adstock") Adstock a,
            @ForAll("saturation") Saturation s, @ForAll @IntRange(min = 1, max = 1000) int spendUnits) {
        double spend = spendUnits / 10.0;
        int n = AdstockContract.padding(a) + 1;
        double[] x = new double[n];
        java.util.Arrays.fill(x, spend);
        double[] out = Transforms.forward(new Adstock[] {a}, new Saturation[] {s}, x, n, null, null);
        assertClose(Transforms.steadyStateResponse(a, s, spend), out[n - 1], 1e3 * ROUNDING, "steady state");
        assertClose(spend * a.totalWeight(), Transforms.steadyStateLevel(a, spend), ROUNDING, "level");
        double fd = Tolerances.centralDifference(v -> Transforms.steadyStateResponse(a, s, v), spend);
        assertClose(fd, Transforms.marginalResponse(a, s, spend), FINITE_DIFFERENCE,
                s.supremum() / spend, "marginal");
    }

    @Example
    void parameterLayoutIsChannelMajor() {
        Adstock[] a = {Adstock.geometric(0.5, 2, true), Adstock.weibullCdf(1, 0.5, 3)};
        Saturation[] s = {Saturation.hill(1, 2), Saturation.logistic(1)};
        assertEquals(6, Transforms.parameterCount(a, s));
        assertEquals(0, Transforms.adstockParameterOffset(a, s, 0));
        assertEquals(1, Transforms.saturationParameterOffset(a, s, 0));
        assertEquals(3, Transforms.adstockParameterOffset(a, s, 1));
        assertEquals(5, Transforms.saturationParameterOffset(a, s, 1));
    }

    @Example
    void blocksJoinSeamlesslyForOneLongChannel() {
        Adstock[] a = {Adstock.geometric(0.7, 30, false)};
        Saturation[] s = {Saturation.hill(100, 1.5)};
        int n = 10_000;
        double[] x = spend(n, 1, 3);
        double[] expected = new double[n];
        a[0].apply(x, n, expected);
        s[0].apply(expected, n, expected);
        assertArrayClose(expected, Transforms.forward(a, s, x, n, null, null), n, ROUNDING, "long series");
    }
}
