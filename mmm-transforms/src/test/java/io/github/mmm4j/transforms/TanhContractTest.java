package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The {@link SaturationContract} for {@link Tanh}. */
final class TanhContractTest extends SaturationContract {
    @Override
    Arbitrary<Tanh> saturations() {
        return Combinators.combine(Series.between(0.1, 50.0), Series.between(0.01, 10.0)).as(Tanh::new);
    }
}
