package io.github.mmm4j.core;

/**
 * {@code 2^x}, {@code log2 x}, {@code e^x} and {@code tanh x} written in plain Java arithmetic, for hot loops: the same bits on every JVM, version
 * and CPU (Java's {@code +}, {@code *} and {@code /} are IEEE 754 exactly rounded since Java 17, and the tables are
 * built with {@link StrictMath}), and cheaper than {@link Math#exp}/{@link Math#log} inside a loop because the JIT
 * compiler inlines them instead of calling a stub, so that consecutive iterations overlap (on the project's machine
 * 3.0 and 3.6 ns per call in a loop against 4.3 and 5.7 ns for {@link Math#exp} and {@link Math#log}).
 * {@link Math#exp} and {@link Math#log} may differ between JVMs, and between the interpreter and the compiled code of
 * one JVM; these functions do not. Base 2 because both reductions are then exact or nearly so:
 * {@code e^x = exp2(x / ln 2)} and {@code ln x = log2(x) ln 2} cost one more multiplication where a caller needs them.
 *
 * <p><b>Accuracy</b> (tested over millions of random arguments spread over the whole range, every table interval's
 * ends, and the edge cases): {@code exp2} is within 2 ulp of {@code StrictMath.pow(2, x)}, {@code log2} within 3 ulp
 * of {@code StrictMath.log(x) / ln 2}; {@code exp2(k) = 2^k} and {@code log2(2^k) = k} exactly for integers
 * {@code k}. Special values: {@code exp2(NaN) = NaN}, {@code exp2(-Infinity) = 0}, {@code exp2(+Infinity) =
 * +Infinity}, and outside {@code (-1020, 1023)} {@code exp2} is {@code StrictMath.pow(2, x)};
 * {@code log2(x < 0) = NaN}, {@code log2(+-0) = -Infinity}, {@code log2(+Infinity) = +Infinity}. Unlike
 * {@link StrictMath} they are not guaranteed monotone across the ends of their table intervals (an error of 1 ulp may
 * go either way).
 *
 * <p><b>Method</b> (table-driven, after Tang 1989, "Table-driven implementation of the exponential function in IEEE
 * floating-point arithmetic", ACM TOMS 15(2), and Tang 1990, "Table-driven implementation of the logarithm function
 * in IEEE floating-point arithmetic", ACM TOMS 16(4)). {@code exp2}: {@code x = k + j / 256 + r} with
 * {@code |r| <= 1/512} (exact), {@code 2^x = 2^k 2^(j/256) e^(r ln 2)}, the 256 values {@code 2^(j/256)} from a
 * table and {@code e^(r ln 2)} from its Taylor polynomial of degree 4 (truncation below {@code 4e-17} relative).
 * {@code log2}: {@code x = 2^e m} with {@code m} in {@code [0.70, 1.41)}, {@code m} in one of 256 intervals with a
 * centre {@code c} ({@code c = 1} exactly for the interval around 1), {@code log2 x = e + log2 c + log1p((m - c) / c)
 * / ln 2}, {@code log2 c} from a table, {@code m - c} exact (Sterbenz) and {@code log1p} from its Taylor polynomial
 * of degree 6 on {@code |r| < 0.002} (truncation below {@code 1e-17} relative). Polynomials are evaluated by
 * Estrin's scheme, which shortens the chain of dependent operations.
 */
public final class PortableMath {

    /** {@code ln 2} rounded to double, and the next 53 bits of it. */
    private static final double LN2 = 0x1.62e42fefa39efp-1;
    private static final double LN2_TAIL = 0x1.abc9e3b39803fp-56;
    /** {@code 1 / ln 2} rounded. */
    private static final double INV_LN2 = 0x1.71547652b82fep0;

    private static final int EXP_BITS = 8;
    private static final int EXP_N = 1 << EXP_BITS;
    /** {@code 1.5 * 2^52}: adding it rounds to an integer held in the low bits of the mantissa. */
    private static final double SHIFT = 0x1.8p52;
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    private static final double[] EXP_TABLE = new double[EXP_N];
    /** {@code exp2} leaves the normal range outside {@code (EXP2_MIN, EXP2_MAX)}. */
    private static final double EXP2_MAX = 1023.0;
    private static final double EXP2_MIN = -1020.0;
    /** {@code x} is in {@code (EXP2_MIN, EXP2_MAX)} iff {@code |x + EXP2_CENTRE| < EXP2_HALF_WIDTH}. */
    private static final double EXP2_CENTRE = -(EXP2_MIN + EXP2_MAX) / 2;
    private static final double EXP2_HALF_WIDTH = (EXP2_MAX - EXP2_MIN) / 2;

    private static final int LOG_BITS = 8;
    private static final int LOG_N = 1 << LOG_BITS;
    private static final int LOG_SHIFT = 52 - LOG_BITS;
    /** Bits of the lower end of {@code log2}'s reduction interval, placed so that 1 is the centre of an interval. */
    private static final long LOG_OFF = Double.doubleToRawLongBits(1.0) - (150L << LOG_SHIFT) - (1L << (LOG_SHIFT - 1));
    private static final double[] LOG_C = new double[LOG_N];
    private static final double[] LOG_INV_C = new double[LOG_N];
    private static final double[] LOG_LOG2_C = new double[LOG_N];

    static {
        for (int j = 0; j < EXP_N; j++) {
            EXP_TABLE[j] = StrictMath.pow(2.0, (double) j / EXP_N);
        }
        for (int j = 0; j < LOG_N; j++) {
            double c = Double.longBitsToDouble(LOG_OFF + ((long) j << LOG_SHIFT) + (1L << (LOG_SHIFT - 1)));
            LOG_C[j] = c;
            LOG_INV_C[j] = 1.0 / c;
            // log2 c = ln c / ln 2 with ln 2 taken to twice double precision
            double lnc = StrictMath.log(c);
            LOG_LOG2_C[j] = lnc / LN2 - lnc * LN2_TAIL / (LN2 * LN2);
        }
    }

    private PortableMath() {
    }

    /**
     * The base-2 exponential {@code 2^x}, within 2 ulp of {@code StrictMath.pow(2, x)}; see the class comment.
     *
     * @param x any value
     * @return {@code 2^x}
     */
    public static double exp2(double x) {
        if (!(Math.abs(x + EXP2_CENTRE) < EXP2_HALF_WIDTH)) {
            return StrictMath.pow(2.0, x);
        }
        double kd = x * EXP_N + SHIFT;
        long n = Double.doubleToRawLongBits(kd) - SHIFT_BITS;
        kd -= SHIFT;
        // |r| <= 1/512, exact
        double r = x - kd * (1.0 / EXP_N);
        double r2 = r * r;
        // e^(r ln 2), Taylor coefficients (ln 2)^k / k!
        double p = 1.0 + (r * 0x1.62e42fefa39efp-1 + (r2 * (0x1.ebfbdff82c58fp-3 + r * 0x1.c6b08d704a0c0p-5)
                + (r2 * r2) * 0x1.3b2ab6fba4e77p-7));
        double t = EXP_TABLE[(int) n & (EXP_N - 1)] * p;
        return t * Double.longBitsToDouble(((n >> EXP_BITS) + 1023) << 52);
    }

    /** {@code ln 2 / 256} split: the head has 32 significant bits, so {@code k * head} is exact for {@code |k| < 2^21}. */
    private static final double LN2_N_HI = Double.longBitsToDouble(Double.doubleToRawLongBits(LN2 / EXP_N)
            & 0xffffffffffe00000L);
    private static final double LN2_N_LO = (LN2 - EXP_N * LN2_N_HI) / EXP_N + LN2_TAIL / EXP_N;
    /** {@code 256 / ln 2}. */
    private static final double N_INV_LN2 = EXP_N * INV_LN2;
    /** {@link #exp} leaves the normal range outside {@code (-EXP_LIMIT, EXP_LIMIT)}. */
    private static final double EXP_LIMIT = 708.0;
    /** Below this {@code |x|}, {@link #tanh} sums its Taylor series; above, it uses {@code e^(-2|x|)}. */
    private static final double TANH_SERIES = 0.15;
    /** Above this {@code |x|}, {@code tanh x} rounds to {@code +-1}. */
    private static final double TANH_ONE = 22.0;

    /**
     * The natural exponential {@code e^x}, within 3 ulp of {@link StrictMath#exp}; see the class comment. The
     * reduction is Cody and Waite's: {@code x = (k + j / 256) ln 2 + r} with {@code k ln 2 / 256} subtracted in two
     * parts, the first exact, so {@code |r| <= ln 2 / 512} carries no error from the reduction beyond an ulp of
     * {@code r}; then {@code e^x = 2^k 2^(j/256) e^r}, {@code e^r} from its Taylor polynomial of degree 5.
     *
     * @param x any value
     * @return {@code e^x}; outside {@code (-708, 708)} (and for NaN and infinities) {@code StrictMath.exp(x)}
     */
    public static double exp(double x) {
        if (!(Math.abs(x) < EXP_LIMIT)) {
            return StrictMath.exp(x);
        }
        double kd = x * N_INV_LN2 + SHIFT;
        long n = Double.doubleToRawLongBits(kd) - SHIFT_BITS;
        kd -= SHIFT;
        double r = (x - kd * LN2_N_HI) - kd * LN2_N_LO;
        double r2 = r * r;
        // e^r - 1 - r, Taylor to r^5 (truncation below 1e-19 relative for |r| <= ln 2 / 512)
        double q = r2 * (0.5 + r * (1.0 / 6)) + (r2 * r2) * (1.0 / 24 + r * (1.0 / 120));
        double p = 1.0 + (r + q);
        double t = EXP_TABLE[(int) n & (EXP_N - 1)] * p;
        return t * Double.longBitsToDouble(((n >> EXP_BITS) + 1023) << 52);
    }

    /**
     * The hyperbolic tangent, within 8 ulp of {@link StrictMath#tanh}, odd ({@code tanh(-x) = -tanh(x)} exactly)
     * and {@code tanh(+-0) = +-0}. For {@code |x| < 0.15} it sums the Taylor series {@code x + x^3 P(x^2)} to
     * {@code x^15} (truncation below {@code 4e-17} relative; coefficients {@code 2^(2n) (2^(2n) - 1) B_(2n) / (2n)!},
     * Abramowitz and Stegun 4.5.64); above, {@code (1 - e) / (1 + e)} with {@code e = e^(-2|x|)} from {@link #exp},
     * whose cancellation costs at most a factor 3 there; above 22 the result is {@code +-1}.
     *
     * @param x any value
     * @return {@code tanh x}; NaN for NaN
     */
    public static double tanh(double x) {
        double a = Math.abs(x);
        double t;
        if (a < TANH_SERIES) {
            double z = a * a;
            double z2 = z * z;
            double z4 = z2 * z2;
            // -1/3, 2/15, -17/315, 62/2835, -1382/155925, 21844/6081075, -929569/638512875, by Estrin's scheme
            double p01 = -1.0 / 3 + z * (2.0 / 15);
            double p23 = -17.0 / 315 + z * (62.0 / 2835);
            double p45 = -1382.0 / 155925 + z * (21844.0 / 6081075);
            double p6 = -929569.0 / 638512875;
            double p = (p01 + z2 * p23) + z4 * (p45 + z2 * p6);
            t = a + a * (z * p);
        } else if (a <= TANH_ONE) {
            double e = exp(-2.0 * a);
            t = (1.0 - e) / (1.0 + e);
        } else {
            // 1 for a > 22, NaN for NaN
            t = a > TANH_ONE ? 1.0 : a;
        }
        return Math.copySign(t, x);
    }

    /**
     * The base-2 logarithm, within 3 ulp of {@code StrictMath.log(x) / ln 2}; see the class comment.
     *
     * @param x any value
     * @return {@code log2 x}
     */
    public static double log2(double x) {
        long bits = Double.doubleToRawLongBits(x);
        // one unsigned comparison: not a positive normal (sign bit set, zero, subnormal, infinite or NaN)
        if (bits - 0x0010000000000000L + Long.MIN_VALUE >= 0x7fe0000000000000L + Long.MIN_VALUE) {
            if (x > 0 && x < Double.MIN_NORMAL) {
                return log2(x * 0x1p54) - 54;
            }
            return StrictMath.log(x);
        }
        long tmp = bits - LOG_OFF;
        long e = tmp >> 52;
        int j = (int) (tmp >>> LOG_SHIFT) & (LOG_N - 1);
        double m = Double.longBitsToDouble(bits - (e << 52));
        double r = (m - LOG_C[j]) * LOG_INV_C[j];
        double r2 = r * r;
        double a = -0.5 + r * (1.0 / 3);
        double b = -0.25 + r * 0.2;
        double p = r + r2 * (a + r2 * b - (r2 * r2) * (1.0 / 6));
        return (double) e + (LOG_LOG2_C[j] + p * INV_LN2);
    }
}
