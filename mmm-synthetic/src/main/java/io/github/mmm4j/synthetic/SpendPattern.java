package io.github.mmm4j.synthetic;

import io.github.mmm4j.core.Rng;
import io.github.mmm4j.core.TimeIndex;

/**
 * How a channel's spend moves over time, for one geo of unit scale (the generator multiplies by the geo's
 * {@link ScenarioSpec.Geo#scale()}). Every pattern has a long-run mean spend per period {@link #mean()} and
 * multiplicative noise of coefficient of variation {@code cv}: each period's level is multiplied by an
 * independent log-normal factor {@code exp(s z - s^2 / 2)}, {@code s = sqrt(ln(1 + cv^2))}, {@code z ~ N(0, 1)},
 * which has mean 1 and standard deviation {@code cv} and keeps spend positive.
 *
 * <p>The records are not validated on their own; {@link ScenarioSpec} validates them and names the field
 * ({@code channels[1].spend.cv = -0.5; must be >= 0}).
 */
public sealed interface SpendPattern
        permits SpendPattern.AlwaysOn, SpendPattern.Flighted, SpendPattern.Sparse, SpendPattern.Seasonal,
        SpendPattern.Spike {

    /** @return the long-run mean spend per period, in currency units, {@code > 0} */
    double mean();

    /** @return the coefficient of variation of the per-period noise, {@code >= 0} */
    double cv();

    /** @return the pattern's name as used in scenario files: {@code always_on}, {@code flighted}, ... */
    String type();

    /**
     * Writes the spend of periods {@code 0 .. time.size() - 1} for one geo of unit scale.
     *
     * @param time the periods
     * @param rng (input/output) the stream to draw from; advanced
     * @param out (output) elements {@code [0, time.size())} written, all {@code >= 0}
     */
    void generate(TimeIndex time, Rng rng, double[] out);

    /**
     * Always on: {@code spend[t] = mean * noise[t]}.
     *
     * @param mean mean spend per period, {@code > 0}
     * @param cv coefficient of variation of the noise, {@code >= 0}
     */
    record AlwaysOn(double mean, double cv) implements SpendPattern {
        @Override
        public String type() {
            return "always_on";
        }

        @Override
        public void generate(TimeIndex time, Rng rng, double[] out) {
            for (int t = 0; t < time.size(); t++) {
                out[t] = mean * logNormal(rng, cv);
            }
        }
    }

    /**
     * Flighted on/off bursts on a fixed schedule: on for {@code onPeriods}, then off for {@code offPeriods},
     * repeating from period 0; while on, {@code spend[t] = mean * (on + off) / on * noise[t]} so that the
     * long-run mean is {@code mean}; while off, 0.
     *
     * @param mean long-run mean spend per period, {@code > 0}
     * @param onPeriods length of a burst, {@code >= 1}
     * @param offPeriods length of a pause, {@code >= 0}
     * @param cv coefficient of variation of the noise while on, {@code >= 0}
     */
    record Flighted(double mean, int onPeriods, int offPeriods, double cv) implements SpendPattern {
        @Override
        public String type() {
            return "flighted";
        }

        @Override
        public void generate(TimeIndex time, Rng rng, double[] out) {
            int cycle = onPeriods + offPeriods;
            double level = mean * cycle / onPeriods;
            for (int t = 0; t < time.size(); t++) {
                double noise = logNormal(rng, cv);
                out[t] = t % cycle < onPeriods ? level * noise : 0.0;
            }
        }
    }

    /**
     * Sparse bursts: on in exactly {@code max(1, round(onFraction * n))} of the {@code n} periods, chosen at
     * random without replacement; while on, {@code spend[t] = mean / onFraction * noise[t]}; otherwise 0. A
     * channel with {@code onFraction = 0.2} is zero in 80% of the periods (up to rounding).
     *
     * @param mean long-run mean spend per period, {@code > 0}
     * @param onFraction fraction of periods with spend, in {@code (0, 1]}
     * @param cv coefficient of variation of the noise while on, {@code >= 0}
     */
    record Sparse(double mean, double onFraction, double cv) implements SpendPattern {
        @Override
        public String type() {
            return "sparse";
        }

        @Override
        public void generate(TimeIndex time, Rng rng, double[] out) {
            int n = time.size();
            int on = Math.max(1, (int) Math.round(onFraction * n));
            int[] idx = new int[n];
            for (int t = 0; t < n; t++) {
                idx[t] = t;
                out[t] = 0.0;
            }
            // partial Fisher-Yates: the first `on` entries are a uniform sample without replacement
            for (int i = 0; i < on; i++) {
                int j = i + rng.nextInt(n - i);
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j] = tmp;
            }
            double level = mean / onFraction;
            for (int i = 0; i < on; i++) {
                out[idx[i]] = level * logNormal(rng, cv);
            }
        }
    }

    /**
     * Seasonal pacing: {@code spend[t] = mean * (1 + amplitude * cos(2 pi (y_t - peak))) * noise[t]}, with
     * {@code y_t} the time in years since the first period (365.25-day years).
     *
     * @param mean mean spend per period, {@code > 0}
     * @param amplitude relative amplitude of the yearly swing, in {@code [0, 1)}
     * @param peak position of the yearly peak as a fraction of a year after the start date, in {@code [0, 1)}
     * @param cv coefficient of variation of the noise, {@code >= 0}
     */
    record Seasonal(double mean, double amplitude, double peak, double cv) implements SpendPattern {
        @Override
        public String type() {
            return "seasonal";
        }

        @Override
        public void generate(TimeIndex time, Rng rng, double[] out) {
            for (int t = 0; t < time.size(); t++) {
                double y = Synthetic.years(time, t);
                out[t] = mean * (1 + amplitude * StrictMath.cos(2 * Math.PI * (y - peak))) * logNormal(rng, cv);
            }
        }
    }

    /**
     * Always on with a one-off spike: {@code spend[t] = mean * noise[t]}, times {@code multiplier} in period
     * {@code period}.
     *
     * @param mean spend per period outside the spike, {@code > 0}
     * @param cv coefficient of variation of the noise, {@code >= 0}
     * @param period the period of the spike, in {@code [0, periods)}
     * @param multiplier the spike's size relative to a normal period, {@code >= 0}
     */
    record Spike(double mean, double cv, int period, double multiplier) implements SpendPattern {
        @Override
        public String type() {
            return "spike";
        }

        @Override
        public void generate(TimeIndex time, Rng rng, double[] out) {
            for (int t = 0; t < time.size(); t++) {
                out[t] = mean * logNormal(rng, cv) * (t == period ? multiplier : 1.0);
            }
        }
    }

    /**
     * A log-normal factor with mean 1 and coefficient of variation {@code cv}; always draws one normal deviate
     * so that the stream advances the same way whatever {@code cv} is.
     *
     * @param rng the stream
     * @param cv coefficient of variation, {@code >= 0}
     * @return {@code exp(s z - s^2 / 2)}, {@code s^2 = ln(1 + cv^2)}
     */
    private static double logNormal(Rng rng, double cv) {
        double z = rng.nextGaussian();
        if (cv == 0) {
            return 1.0;
        }
        double s2 = StrictMath.log1p(cv * cv);
        return StrictMath.exp(Math.sqrt(s2) * z - 0.5 * s2);
    }
}
