package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The {@link SaturationContract} for {@link Sigmoid}. */
final class SigmoidContractTest extends SaturationContract {
    @Override
    Arbitrary<Sigmoid> saturations() {
        return Combinators.combine(Series.between(0.01, 50.0), Series.between(0.05, 5.0)).as(Sigmoid::new);
    }
}
