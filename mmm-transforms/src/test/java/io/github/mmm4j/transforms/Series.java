package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Shared generators and small helpers for the tests. */
final class Series {

    private Series() {
    }

    /** Doubles in {@code [lo, hi]} with six decimals; the bounds are rounded inwards to six decimals. */
    static Arbitrary<Double> between(double lo, double hi) {
        return Arbitraries.doubles().between(Math.ceil(lo * 1e6) / 1e6, Math.floor(hi * 1e6) / 1e6).ofScale(6);
    }

    /** Non-negative spend series of length 1..40, with exact zeros now and then. */
    static Arbitrary<double[]> spend() {
        return Arbitraries.oneOf(Arbitraries.just(0.0), Arbitraries.doubles().between(0.0, 100.0).ofScale(6))
                .array(double[].class).ofMinSize(1).ofMaxSize(40);
    }

    /** Upstream adjoints of length 40. */
    static Arbitrary<double[]> adjoint() {
        return Arbitraries.doubles().between(-1.0, 1.0).array(double[].class).ofSize(40);
    }

    /** {@code sum_l w[l] x[t - l]} by the definition, for reference. */
    static double[] convolve(double[] w, double[] x, int n) {
        double[] out = new double[n];
        for (int t = 0; t < n; t++) {
            double acc = 0;
            for (int l = 0; l <= t && l < w.length; l++) {
                acc += w[l] * x[t - l];
            }
            out[t] = acc;
        }
        return out;
    }

    static double dot(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double absDot(double[] a, double[] b, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(a[i] * b[i]);
        }
        return s;
    }

    static double sum(double[] a, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i];
        }
        return s;
    }
}
