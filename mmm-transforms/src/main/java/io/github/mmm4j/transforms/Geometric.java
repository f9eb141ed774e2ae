package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;

/**
 * Geometric adstock on a finite window (Jin et al. 2017, eq. 1 with {@code theta = 0}):
 * {@code w[l] = alpha^l / S} for {@code l = 0..maxLag}, where {@code S = sum_{l=0}^{maxLag} alpha^l}
 * when {@code normalized} and {@code S = 1} otherwise.
 *
 * <p>The window is {@code maxLag + 1} periods: pymc-marketing's {@code geometric_adstock(l_max=...)}
 * corresponds to {@code l_max = maxLag + 1}, Meridian's {@code max_lag} to {@code maxLag}. Meridian
 * normalises, pymc-marketing's function does not by default; here the flag is always explicit. For the
 * infinite window of Robyn use {@link GeometricInfinite}.
 *
 * @param alpha decay per period, in {@code [0, 1)}; {@code alpha = 0} leaves the input unchanged
 * @param maxLag the longest lag, in {@code [0, Integer.MAX_VALUE)}
 * @param normalized whether the weights sum to one (total mass preserved)
 */
public record Geometric(double alpha, int maxLag, boolean normalized) implements Adstock {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if {@code alpha} is not in {@code [0, 1)} or {@code maxLag} is
     *     negative or {@link #INFINITE_LAG}
     */
    public Geometric {
        Checks.checkInClosedOpen("alpha", alpha, 0.0, 1.0);
        Checks.checkNonNegative("maxLag", maxLag);
        Checks.checkArgument(maxLag != INFINITE_LAG, "maxLag = %d; must be < %d (use GeometricInfinite)",
                maxLag, INFINITE_LAG);
    }

    /** Raw sum {@code sum_{l=0}^{maxLag} alpha^l}. */
    private double rawSum() {
        double s = 0;
        double pw = 1;
        for (int l = 0; l <= maxLag; l++) {
            s += pw;
            pw *= alpha;
            if (pw == 0) {
                break;
            }
        }
        return s;
    }

    /** Derivative of {@link #rawSum()} with respect to alpha: {@code sum_l l alpha^(l-1)}. */
    private double rawSumDerivative() {
        double ds = 0;
        double pw = 1;
        for (int l = 1; l <= maxLag; l++) {
            ds += l * pw;
            pw *= alpha;
            if (pw == 0) {
                break;
            }
        }
        return ds;
    }

    @Override
    public void weightsInto(double[] dest, int offset, int length) {
        double pw = normalized ? 1.0 / rawSum() : 1.0;
        for (int l = 0; l < length; l++) {
            dest[offset + l] = l <= maxLag ? pw : 0.0;
            pw *= alpha;
        }
    }

    @Override
    public void weightJacobianInto(double[] dest, int offset, int length) {
        double s = normalized ? rawSum() : 1.0;
        double ds = normalized ? rawSumDerivative() : 0.0;
        double inv = 1.0 / s;
        double pw = 1; // alpha^l
        double pwm1 = 0; // alpha^(l-1)
        for (int l = 0; l < length; l++) {
            if (l > maxLag) {
                dest[offset + l] = 0.0;
                continue;
            }
            double dv = l * pwm1;
            // w = v / s, dw = (dv - w ds) / s
            dest[offset + l] = (dv - pw * inv * ds) * inv;
            pwm1 = pw;
            pw *= alpha;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @return 1 when normalised, else {@code (1 - alpha^(maxLag+1)) / (1 - alpha)}
     */
    @Override
    public double totalWeight() {
        return normalized ? 1.0 : rawSum();
    }

    /** @return {@code "geometric"} */
    @Override
    public String name() {
        return "geometric";
    }

    /** @return {@code [alpha]} */
    @Override
    public double[] parameters() {
        return new double[] {alpha};
    }

    /** @return {@code ["alpha"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("alpha");
    }

    /** @return 1 */
    @Override
    public int parameterCount() {
        return 1;
    }

    /**
     * {@inheritDoc} The structure ({@code maxLag}, {@code normalized}) is kept.
     */
    @Override
    public Geometric withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 1);
        return new Geometric(p[0], maxLag, normalized);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.interval("alpha", 0, 1, ParameterSpec.SearchRange.linear(0, 0.9),
                new ParameterSpec.DefaultPrior.Beta(2, 2)));
    }
}
