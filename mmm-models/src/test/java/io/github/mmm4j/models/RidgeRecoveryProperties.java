package io.github.mmm4j.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.mmm4j.synthetic.ChannelTruth;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Scenario;
import io.github.mmm4j.synthetic.Scenarios;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The recovery property shown in the README and in mmm-synthetic's README, run for real: given the true
 * transforms, ridge recovers every easy scenario's first channel's ROI within 30%.
 *
 * <p>Measured over 200 easy scenarios: median relative error 0.2%, 99th percentile 14.5%, worst 16.9%; so 30%
 * leaves a wide margin. The same property on the realistic arbitraries does not hold: there, even with the true
 * transforms, the 99th percentile error of tv's ROI is 47% (worst 66%) because of low signal-to-noise,
 * seasonal pacing confounded with seasonality and few flights. The jqwik seed is fixed so the build is
 * deterministic; remove it to explore new scenarios.
 */
class RidgeRecoveryProperties {

    // With the true transforms given and kept fixed (RidgeOptions.withFixedTransforms): the estimator's own part.

    @Property(tries = 20, seed = "20261122")
    void recoversTheFirstChannel(@ForAll("easy") Scenario s) {
        Generated g = s.generate();
        List<ChannelSpec> truthSpec = new ArrayList<>();
        for (String c : g.data().channels()) {
            ChannelTruth t = g.truth().channel(c);
            truthSpec.add(new ChannelSpec(c, t.adstock(), t.saturation()));
        }
        FittedModel m = Ridge.fit(g.data(), new ModelSpec(truthSpec, true, 2), RidgeOptions.defaults().withBootstrap(0)
                .withFixedTransforms(true));
        ChannelTruth first = g.truth().channel(g.data().channels().get(0));
        assertEquals(first.roi(), m.channels().get(0).roi(), 0.3 * first.roi());
    }

    @Provide
    Arbitrary<Scenario> easy() {
        return Scenarios.easy();
    }
}
