package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import java.util.Arrays;

/**
 * A response that is expensive to evaluate (the mean over thousands of posterior draws, each with its own
 * transforms) tabulated once and interpolated: piecewise cubic Hermite interpolation of the exact values and exact
 * derivatives at the nodes (Fritsch and Carlson 1980 use the same form), so the interpolant is C1 and its error on a
 * smooth response is of order {@code h^4} in value and {@code h^3} in derivative.
 *
 * <p>The nodes lie in segments that double in width, {@code (x0 2^(k-1), x0 2^k]} for {@code k} from
 * {@value #LOWEST} to {@value #HIGHEST}, with {@value #NODES} equal intervals each, so the relative node spacing is the
 * same at every scale (a response like {@code x^0.5} near zero is resolved as well as at large spend); a segment is
 * each node is computed the first time an interpolation needs it. Below the lowest segment, above the highest, and
 * wherever a node's derivative is not finite, the exact response is evaluated instead. Thread-safe: the node cache is
 * guarded by the object's lock.
 */
final class TabulatedResponse implements ChannelResponse {

    /** Intervals per segment. */
    static final int NODES = 32;
    /** The lowest segment: spends below {@code x0 2^-41} are evaluated exactly. */
    static final int LOWEST = -40;
    /** The highest segment: spends above {@code x0 2^40} are evaluated exactly. */
    static final int HIGHEST = 40;

    private final ChannelResponse exact;
    private final double x0;
    /** segment k - LOWEST: values[0..NODES], derivatives[NODES+1..2*NODES+1]; NaN until computed; guarded by this. */
    private final double[][] segments = new double[HIGHEST - LOWEST + 1][];

    /**
     * @param exact the exact response
     * @param x0 a typical spend (the segments double around it), positive and finite
     */
    TabulatedResponse(ChannelResponse exact, double x0) {
        Checks.checkArgument(x0 > 0 && Double.isFinite(x0), "x0 = %s; must be finite and > 0", x0);
        this.exact = exact;
        this.x0 = x0;
    }

    /** The segment k with x in (x0 2^(k-1), x0 2^k]. */
    private int segmentOf(double x) {
        int k = Math.getExponent(x / x0) + 1;
        while (x <= x0 * Math.scalb(1.0, k - 1)) {
            k--;
        }
        while (x > x0 * Math.scalb(1.0, k)) {
            k++;
        }
        return k;
    }

    /**
     * Node i of segment k as {value, derivative}, computed the first time it is needed (a search that visits a few
     * spends pays for a few nodes, not for whole segments).
     */
    private synchronized double[] node(int k, int i) {
        int idx = k - LOWEST;
        double[] seg = segments[idx];
        if (seg == null) {
            seg = new double[2 * (NODES + 1)];
            Arrays.fill(seg, Double.NaN);
            segments[idx] = seg;
        }
        if (Double.isNaN(seg[i])) {
            double a = x0 * Math.scalb(1.0, k - 1);
            double b = x0 * Math.scalb(1.0, k);
            double x = i == NODES ? b : a + i * ((b - a) / NODES);
            seg[NODES + 1 + i] = exact.derivative(x);
            seg[i] = exact.value(x);
        }
        return new double[] {seg[i], seg[NODES + 1 + i]};
    }

    /** {value, derivative} at x by Hermite interpolation; false where the exact response must be used. */
    private boolean interpolate(double x, double[] out) {
        if (!(x > 0) || !Double.isFinite(x)) {
            return false;
        }
        int k = segmentOf(x);
        if (k < LOWEST || k > HIGHEST) {
            return false;
        }
        double a = x0 * Math.scalb(1.0, k - 1);
        double h = (x0 * Math.scalb(1.0, k) - a) / NODES;
        int i = (int) Math.max(0, Math.min(NODES - 1, Math.floor((x - a) / h)));
        double[] n0 = node(k, i);
        double[] n1 = node(k, i + 1);
        double d0 = n0[1];
        double d1 = n1[1];
        if (!Double.isFinite(d0) || !Double.isFinite(d1) || !Double.isFinite(n0[0]) || !Double.isFinite(n1[0])) {
            return false;
        }
        double y0 = n0[0];
        double y1 = n1[0];
        double t = (x - (a + i * h)) / h;
        double t2 = t * t;
        double t3 = t2 * t;
        double h00 = 2 * t3 - 3 * t2 + 1;
        double h10 = t3 - 2 * t2 + t;
        double h01 = -2 * t3 + 3 * t2;
        double h11 = t3 - t2;
        out[0] = h00 * y0 + h10 * h * d0 + h01 * y1 + h11 * h * d1;
        double dh00 = 6 * t2 - 6 * t;
        double dh10 = 3 * t2 - 4 * t + 1;
        double dh01 = -6 * t2 + 6 * t;
        double dh11 = 3 * t2 - 2 * t;
        out[1] = (dh00 * y0 + dh01 * y1) / h + dh10 * d0 + dh11 * d1;
        return true;
    }

    @Override
    public double value(double spend) {
        double[] v = new double[2];
        return interpolate(spend, v) ? v[0] : exact.value(spend);
    }

    @Override
    public double derivative(double spend) {
        double[] v = new double[2];
        return interpolate(spend, v) ? v[1] : exact.derivative(spend);
    }

    @Override
    public boolean knownConcave() {
        return exact.knownConcave();
    }
}
