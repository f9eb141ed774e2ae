package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.ArrayMath;
import io.github.mmm4j.core.PortableMath;
import io.github.mmm4j.models.bayes.DensityParts.Channel;
import io.github.mmm4j.transforms.Saturation;
import java.util.Arrays;

/**
 * The transform kernels of {@link MmmLogDensity}: one channel's adstock and saturation over a spend series with the
 * parameter derivatives (forward) and the reverse-mode gradient (backward), the geometric weights, and the vectorised
 * loops they are made of, with their workspaces.
 */
final class SeriesKernels {

    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double INV_LN2 = 0x1.71547652b82fep0;

    private SeriesKernels() {
    }

    /** Workspace of one series: the adstock, its parameter derivatives and the saturation's intermediates. */
    static final class SeriesWork {
        /** Adstocked spend A. */
        final double[] a;
        /** {@code d[k][i] = dA_i / d(free adstock parameter k)}. */
        final double[][] d;
        /** Saturated S. */
        final double[] s;
        /** Hill: {@code log2(A / ec)}, or -1e300 where A = 0. */
        final double[] lu;
        /** Hill: {@code h (1 - h)}. */
        final double[] sp;
        /** Hill: {@code (ec / A)^slope} then {@code slope h (1 - h) / A} (0 where A = 0). */
        final double[] q;
        /** Generic saturations: the adjoint of A. */
        final double[] ga;
        /** Lagged copies rebuilt here when they are not kept. */
        final double[] buf;

        SeriesWork(int n, int nFree) {
            a = new double[n];
            d = new double[nFree][n];
            s = new double[n];
            lu = new double[n];
            sp = new double[n];
            q = new double[n];
            ga = new double[n];
            buf = new double[n];
        }
    }

    /** Per-channel workspace. */
    static final class ChannelWork {
        final double[] w;
        final double[] jac;
        final double[] aVal;
        final double[] aDer;
        final double[] sVal;
        final double[] sDer;
        /** Gradient with respect to each free adstock parameter (constrained scale). */
        final double[] gA;
        /** Gradient with respect to each saturation parameter (constrained scale). */
        final double[] gS;
        final SeriesWork main;
        Saturation sat;
        double logEc;

        ChannelWork(Channel ch, int n) {
            int na = ch.aParams.length;
            int ns = ch.sParams.length;
            w = new double[ch.len];
            jac = new double[Math.max(1, ch.len * na)];
            aVal = new double[na];
            aDer = new double[na];
            sVal = new double[ns];
            sDer = new double[ns];
            gA = new double[ch.freeA.length];
            gS = new double[ns];
            main = new SeriesWork(n, ch.freeA.length);
            sat = ch.saturation;
        }
    }

    /** Weights of a geometric adstock and their derivative in alpha, for the first len lags. */
    static void geometricWeights(double alpha, int maxLag, boolean normalized, int len, double[] w, double[] jac) {
        double sum = 1;
        double dsum = 0;
        if (normalized) {
            double pw = 1;
            double pwm1 = 0;
            sum = 0;
            for (int l = 0; l <= maxLag; l++) {
                sum += pw;
                dsum += l * pwm1;
                pwm1 = pw;
                pw *= alpha;
                if (pw == 0 && pwm1 == 0) {
                    break;
                }
            }
        }
        double inv = 1.0 / sum;
        double pw = 1;
        double pwm1 = 0;
        for (int l = 0; l < len; l++) {
            double wl = pw * inv;
            w[l] = wl;
            jac[l] = (l * pwm1 - wl * dsum) * inv;
            pwm1 = pw;
            pw *= alpha;
        }
    }

    /**
     * A = adstock(x), its derivatives in the free adstock parameters, and S = sat(A), over a whole series (all geos),
     * keeping what the backward pass needs.
     */
    static void forwardSeries(Channel ch, ChannelWork w, LaggedSpend x, SeriesWork sw) {
        int n = x.n;
        double[] a = sw.a;
        double[][] d = sw.d;
        int[] free = ch.freeA;
        int na = ch.aParams.length;
        double[] wt = w.w;
        double[] jac = w.jac;
        double[] x0 = x.x;
        double w0 = wt[0];
        for (int i = 0; i < n; i++) {
            a[i] = w0 * x0[i];
        }
        for (int k = 0; k < free.length; k++) {
            double j0 = jac[free[k]];
            double[] dk = d[k];
            for (int i = 0; i < n; i++) {
                dk[i] = j0 * x0[i];
            }
        }
        for (int l = 1; l < x.len; l++) {
            double[] xl = x.lag(l, sw.buf);
            if (free.length == 1) {
                // one pass for the adstock and its derivative (more output streams per pass are not vectorised)
                axpy2(wt[l], jac[l * na + free[0]], xl, a, d[0], n);
                continue;
            }
            axpy(wt[l], xl, a, n);
            for (int k = 0; k < free.length; k++) {
                axpy(jac[l * na + free[k]], xl, d[k], n);
            }
        }
        if (ch.hill) {
            // in base 2, where the reductions of log2 and exp2 are cheaper: lu holds log2(A / ec)
            double log2Ec = w.logEc * INV_LN2;
            double slope = w.sVal[1];
            double[] lu = sw.lu;
            double[] q = sw.q;
            // the transcendental part, scalar, in two loops whose iterations are independent and short, so that the
            // processor overlaps many of them (PortableMath is inlined; one log-then-exp chain per iteration is not)
            for (int i = 0; i < n; i++) {
                double ai = a[i];
                // where A = 0, 2^(slope * 1e300) = +Infinity gives h = 0 below, and h' * lu = 0 * -1e300 = 0 backward
                lu[i] = ai > 0 ? PortableMath.log2(ai) - log2Ec : -1e300;
            }
            for (int i = 0; i < n; i++) {
                q[i] = PortableMath.exp2(-slope * lu[i]);
            }
            // the rest is arithmetic on equal indices, which the JIT compiler vectorises, with one division:
            // t = 1 / ((1 + (ec / A)^slope) A), h = A t, h' = h (1 - h), dh/dA = slope h' / A = slope t (1 - h).
            // A + MIN_VALUE is A for every A > 0 that is not tiny, and keeps (1 + Infinity) * A = Infinity (t = 0,
            // h = 0, dh/dA = 0) where A = 0
            double[] sv = sw.s;
            double[] sp = sw.sp;
            for (int i = 0; i < n; i++) {
                double di = a[i] + Double.MIN_VALUE;
                double t = 1.0 / ((1.0 + q[i]) * di);
                double h = di * t;
                double m = 1.0 - h;
                sv[i] = h;
                sp[i] = h * m;
                q[i] = slope * t * m;
            }
        } else {
            w.sat.apply(a, 0, 1, sw.s, 0, 1, n);
        }
    }

    /**
     * Backward of {@link #forwardSeries} for the adjoint {@code g[i]} of {@code S[i]}: adds the saturation's parameter
     * gradient into {@code w.gS} and the free adstock parameters' into {@code w.gA}.
     */
    static void backwardSeries(Channel ch, ChannelWork w, SeriesWork sw, double[] g) {
        int n = sw.a.length;
        double[] dA;
        int[] free = ch.freeA;
        if (ch.hill) {
            double[] sp = sw.sp;
            double[] lu = sw.lu;
            double[] q = sw.q;
            double gEc;
            double gSlope;
            // dL/dA_i = g_i slope h'_i / A_i, kept in q by the forward pass
            if (free.length == 1) {
                // the three sums in one pass over the arrays, two partial sums each
                double[] d0 = sw.d[0];
                double e0 = 0;
                double e1 = 0;
                double s0 = 0;
                double s1 = 0;
                double a0 = 0;
                double a1 = 0;
                int i = 0;
                for (; i + 1 < n; i += 2) {
                    double u0 = g[i] * sp[i];
                    double u1 = g[i + 1] * sp[i + 1];
                    e0 += u0;
                    e1 += u1;
                    s0 += u0 * lu[i];
                    s1 += u1 * lu[i + 1];
                    a0 += g[i] * q[i] * d0[i];
                    a1 += g[i + 1] * q[i + 1] * d0[i + 1];
                }
                if (i < n) {
                    double u0 = g[i] * sp[i];
                    e0 += u0;
                    s0 += u0 * lu[i];
                    a0 += g[i] * q[i] * d0[i];
                }
                gEc = e0 + e1;
                gSlope = s0 + s1;
                w.gA[0] += a0 + a1;
            } else {
                gEc = ArrayMath.dot(g, 0, sp, 0, n);
                gSlope = dot3(g, sp, lu, n);
                for (int k = 0; k < free.length; k++) {
                    w.gA[k] += dot3(g, q, sw.d[k], n);
                }
            }
            w.gS[0] += -w.sVal[1] * gEc / w.sVal[0];
            w.gS[1] += gSlope * LN2;
            return;
        }
        dA = sw.ga;
        Arrays.fill(dA, 0, n, 0.0);
        w.sat.backward(sw.a, 0, 1, g, 0, 1, n, w.gS, 0, dA, 0, 1);
        for (int k = 0; k < free.length; k++) {
            w.gA[k] += ArrayMath.dot(dA, 0, sw.d[k], 0, n);
        }
    }

    /** {@code y[i] += alpha x[i]} for {@code i < n}: equal indices, so the JIT compiler vectorises it. */
    static void axpy(double alpha, double[] x, double[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** {@code y[i] += alpha x[i]} and {@code z[i] += beta x[i]} for {@code i < n}, reading {@code x} once. */
    static void axpy2(double alpha, double beta, double[] x, double[] y, double[] z, int n) {
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            y[i] += alpha * xi;
            z[i] += beta * xi;
        }
    }

    /** {@code sum_{i < n} a[i] b[i] c[i]} with four independent partial sums (see {@link ArrayMath#dot}). */
    static double dot3(double[] a, double[] b, double[] c, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[i] * b[i] * c[i];
            s1 += a[i + 1] * b[i + 1] * c[i + 1];
            s2 += a[i + 2] * b[i + 2] * c[i + 2];
            s3 += a[i + 3] * b[i + 3] * c[i + 3];
        }
        for (; i < n; i++) {
            s0 += a[i] * b[i] * c[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
