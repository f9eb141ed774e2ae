package io.github.mmm4j.synthetic;

import java.util.Locale;
import java.util.Objects;

/**
 * A scenario and a seed: one reproducible synthetic dataset, as produced by the jqwik arbitraries of
 * {@link Scenarios}. {@link #toString()} is short enough to read in a property's failure report.
 *
 * @param spec the scenario
 * @param seed the seed
 */
public record Scenario(ScenarioSpec spec, long seed) {

    /** Validates. */
    public Scenario {
        Objects.requireNonNull(spec, "spec");
    }

    /**
     * Generates the dataset; equal scenarios give identical bits.
     *
     * @return {@code Synthetic.generate(spec, seed)}
     */
    public Generated generate() {
        return Synthetic.generate(spec, seed);
    }

    @Override
    public String toString() {
        ScenarioSpec.Noise n = spec.noise();
        String noise = n.snr() > 0 ? String.format(Locale.ROOT, "snr=%.3g", n.snr())
                : String.format(Locale.ROOT, "sd=%.4g", n.sd());
        return String.format(Locale.ROOT, "Scenario[%s, channels=%s, periods=%d, geos=%d, %s, seed=%d]", spec.name(),
                spec.channelNames(), spec.periods(), spec.nGeos(), noise, seed);
    }
}
