package io.github.mmm4j.transforms;

import java.util.Objects;

/**
 * What an estimator needs to know about one continuous parameter of a transform, kept on the transform's own type
 * (so that a new {@link Adstock} or {@link Saturation} supplies it at compile time): where the parameter may lie,
 * the range a hyperparameter search explores by default, and the default prior a Bayesian model puts on it.
 *
 * @param name the parameter's name, as in the transform's {@code parameterNames()}
 * @param support where estimators look for the parameter by default; it may be narrower than what the family allows
 *     (beta-gamma's pull-forward {@code beta < 0} is a valid transform but is neither searched nor sampled by default)
 * @param search the default search range (for ridge and NNLS transforms found by search)
 * @param prior the default prior of a Bayesian model, or null when the family is not sampled (the Bayesian model then
 *     refuses the transform); ignored for a {@link Support.Fixed} parameter
 */
public record ParameterSpec(String name, Support support, SearchRange search, DefaultPrior prior) {

    /** Validates. */
    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(support, "support");
        Objects.requireNonNull(search, "search");
    }

    /**
     * A parameter in an open interval (sampled through a logistic map).
     *
     * @param name the name
     * @param lower the lower end
     * @param upper the upper end
     * @param search the default search range
     * @param prior the default prior
     * @return the spec
     */
    public static ParameterSpec interval(String name, double lower, double upper, SearchRange search,
            DefaultPrior prior) {
        return new ParameterSpec(name, new Support.Interval(lower, upper), search, prior);
    }

    /**
     * A positive parameter (sampled through a log map).
     *
     * @param name the name
     * @param search the default search range
     * @param prior the default prior
     * @return the spec
     */
    public static ParameterSpec positive(String name, SearchRange search, DefaultPrior prior) {
        return new ParameterSpec(name, new Support.Positive(), search, prior);
    }

    /**
     * A parameter held at its value (structural for estimators, for example Michaelis-Menten's {@code alpha}).
     *
     * @param name the name
     * @param value the value
     * @return the spec
     */
    public static ParameterSpec fixed(String name, double value) {
        return new ParameterSpec(name, new Support.Fixed(value), SearchRange.fixed(value), null);
    }

    /** Where a parameter may lie. */
    public sealed interface Support {

        /**
         * The open interval {@code (lower, upper)}.
         *
         * @param lower the lower end
         * @param upper the upper end, above {@code lower}
         */
        record Interval(double lower, double upper) implements Support {
            /** Validates. */
            public Interval {
                if (!(lower < upper)) {
                    throw new IllegalArgumentException("interval (" + lower + ", " + upper + ") is empty");
                }
            }
        }

        /** The positive numbers. */
        record Positive() implements Support {
        }

        /**
         * A fixed value: not estimated.
         *
         * @param value the value
         */
        record Fixed(double value) implements Support {
        }
    }

    /**
     * A search range, on a linear or a log scale; {@code low == high} holds the parameter fixed.
     *
     * @param low the lower end
     * @param high the upper end, at least {@code low}
     * @param log whether the search moves on {@code log(value)}
     */
    public record SearchRange(double low, double high, boolean log) {

        /** Validates. */
        public SearchRange {
            if (!(low <= high) || !Double.isFinite(low) || !Double.isFinite(high) || (log && !(low > 0))) {
                throw new IllegalArgumentException("search range [" + low + ", " + high + "]" + (log ? " (log)" : "")
                        + " is not valid");
            }
        }

        /**
         * @param low the lower end
         * @param high the upper end
         * @return a linear range
         */
        public static SearchRange linear(double low, double high) {
            return new SearchRange(low, high, false);
        }

        /**
         * @param low the lower end, positive
         * @param high the upper end
         * @return a log-scale range
         */
        public static SearchRange log(double low, double high) {
            return new SearchRange(low, high, true);
        }

        /**
         * @param value the value
         * @return a range holding the parameter at {@code value}
         */
        public static SearchRange fixed(double value) {
            return new SearchRange(value, value, false);
        }
    }

    /** A default prior, in the terms of the common families (mapped to a sampler's own prior types). */
    public sealed interface DefaultPrior {

        /**
         * Beta(a, b) on the support's interval (scaled from the unit interval).
         *
         * @param a the first shape
         * @param b the second shape
         */
        record Beta(double a, double b) implements DefaultPrior {
        }

        /**
         * LogNormal(mu, sigma).
         *
         * @param mu the log-scale mean
         * @param sigma the log-scale standard deviation
         */
        record LogNormal(double mu, double sigma) implements DefaultPrior {
        }

        /**
         * Gamma(shape, rate).
         *
         * @param shape the shape
         * @param rate the rate
         */
        record Gamma(double shape, double rate) implements DefaultPrior {
        }
    }
}
