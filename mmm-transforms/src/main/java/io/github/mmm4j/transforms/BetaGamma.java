package io.github.mmm4j.transforms;

import io.github.mmm4j.core.Checks;
import java.util.List;

/**
 * Beta-gamma adstock: an instant effect at lag 0, then {@code beta} times that at lag 1 and a further
 * geometric decay {@code gamma} per period after:
 * {@code w[0] = 1}, {@code w[l] = beta * gamma^(l-1)} for {@code 1 <= l <= maxLag}.
 *
 * <p>A negative {@code beta} models pull-forward: spend in a promotion period takes sales from the
 * following periods. On an infinite window the total effect of one unit of spend is
 * {@code 1 + beta / (1 - gamma)}; the bound {@code beta > gamma - 1} keeps it positive. On the finite
 * window used here it is {@code 1 + beta (1 - gamma^maxLag) / (1 - gamma)}, which is at least the
 * infinite-window value when {@code beta < 0}, hence also positive. The weights are not normalised:
 * the total effect is the point of the parameterisation. Because {@code w[l]} can be negative, the
 * adstocked series can be negative; every {@link Saturation} is defined for negative input.
 *
 * @param beta effect at lag 1 relative to lag 0, in {@code (gamma - 1, 1)}
 * @param gamma decay per period after lag 1, in {@code (0, 1)}
 * @param maxLag the longest lag, in {@code [0, Integer.MAX_VALUE)}
 */
public record BetaGamma(double beta, double gamma, int maxLag) implements Adstock {

    /**
     * Validates the parameters.
     *
     * @throws IllegalArgumentException if {@code gamma} is not in {@code (0, 1)}, {@code beta} is not
     *     in {@code (gamma - 1, 1)}, or {@code maxLag} is negative or infinite
     */
    public BetaGamma {
        Checks.checkArgument(gamma > 0.0 && gamma < 1.0, "%s", Kernels.openInterval("gamma", gamma, 0.0, 1.0));
        Checks.checkArgument(beta > gamma - 1.0 && beta < 1.0, "%s",
                Kernels.openInterval("beta", beta, gamma - 1.0, 1.0) + " = (gamma - 1, 1)");
        Checks.checkNonNegative("maxLag", maxLag);
        Checks.checkArgument(maxLag != INFINITE_LAG, "maxLag = %d; must be < %d", maxLag, INFINITE_LAG);
    }

    @Override
    public void weightsInto(double[] dest, int offset, int length) {
        double pw = beta;
        for (int l = 0; l < length; l++) {
            if (l == 0) {
                dest[offset] = 1.0;
            } else if (l <= maxLag) {
                dest[offset + l] = pw;
                pw *= gamma;
            } else {
                dest[offset + l] = 0.0;
            }
        }
    }

    @Override
    public void weightJacobianInto(double[] dest, int offset, int length) {
        double pw = 1; // gamma^(l-1)
        double pwm1 = 0; // gamma^(l-2)
        for (int l = 0; l < length; l++) {
            int i = offset + 2 * l;
            if (l == 0 || l > maxLag) {
                dest[i] = 0.0;
                dest[i + 1] = 0.0;
                continue;
            }
            dest[i] = pw;
            dest[i + 1] = beta * (l - 1) * pwm1;
            pwm1 = pw;
            pw *= gamma;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @return {@code 1 + beta (1 - gamma^maxLag) / (1 - gamma)}, tending to {@code 1 + beta / (1 - gamma)}
     */
    @Override
    public double totalWeight() {
        double s = 1.0;
        double pw = beta;
        for (int l = 1; l <= maxLag && pw != 0.0; l++) {
            s += pw;
            pw *= gamma;
        }
        return s;
    }

    /** @return {@code "beta_gamma"} */
    @Override
    public String name() {
        return "beta_gamma";
    }

    /** @return {@code [beta, gamma]} */
    @Override
    public double[] parameters() {
        return new double[] {beta, gamma};
    }

    /** @return {@code ["beta", "gamma"]} */
    @Override
    public List<String> parameterNames() {
        return List.of("beta", "gamma");
    }

    /** @return 2 */
    @Override
    public int parameterCount() {
        return 2;
    }

    /**
     * {@inheritDoc} The structure ({@code maxLag}, {@code normalized}) is kept.
     */
    @Override
    public BetaGamma withParameters(double[] parameters) {
        double[] p = parameters;
        Kernels.checkParameterCount(p, 2);
        return new BetaGamma(p[0], p[1], maxLag);
    }

    /**
     * {@inheritDoc}
     */
    @Override
    public List<ParameterSpec> parameterSpecs() {
        return List.of(ParameterSpec.interval("beta", 0, 1, ParameterSpec.SearchRange.linear(0, 0.9),
                new ParameterSpec.DefaultPrior.Beta(2, 2)),
                ParameterSpec.interval("gamma", 0, 1, ParameterSpec.SearchRange.linear(0.05, 0.9),
                        new ParameterSpec.DefaultPrior.Beta(2, 2)));
    }
}
