package io.github.mmm4j.optimize.shapley;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The map from a linear predictor {@code eta} to the KPI in a separable coalition game: the KPI of a row is
 * {@code link(base + sum_{c in S} contribution_c)}. The closed set:
 * <ul>
 *   <li>{@link Identity}: {@code KPI = eta}, an additive model (mmm4j's linear models);</li>
 *   <li>{@link Exp}: {@code KPI = exp(eta)}, a log-linear (multiplicative) model;</li>
 *   <li>{@link Custom}: any other function.</li>
 * </ul>
 */
public sealed interface Link permits Link.Identity, Link.Exp, Link.Custom {

    /**
     * @param eta the linear predictor
     * @return the KPI
     */
    double apply(double eta);

    /** @return whether the link is the identity (coalition values then cost one addition each) */
    default boolean isIdentity() {
        return false;
    }

    /** @return the identity link */
    static Link identity() {
        return new Identity();
    }

    /** @return the exponential link */
    static Link exp() {
        return new Exp();
    }

    /**
     * @param f the link function
     * @return a custom link
     */
    static Link of(DoubleUnaryOperator f) {
        return new Custom(f);
    }

    /** {@code KPI = eta}. */
    record Identity() implements Link {
        @Override
        public double apply(double eta) {
            return eta;
        }

        @Override
        public boolean isIdentity() {
            return true;
        }
    }

    /** {@code KPI = exp(eta)}. */
    record Exp() implements Link {
        @Override
        public double apply(double eta) {
            return Math.exp(eta);
        }
    }

    /**
     * Any link.
     *
     * @param f the function
     */
    record Custom(DoubleUnaryOperator f) implements Link {
        /** Validates. */
        public Custom {
            Objects.requireNonNull(f, "f");
        }

        @Override
        public double apply(double eta) {
            return f.applyAsDouble(eta);
        }
    }
}
