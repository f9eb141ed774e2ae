package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The {@link SaturationContract} for {@link MichaelisMenten}. */
final class MichaelisMentenContractTest extends SaturationContract {
    @Override
    Arbitrary<MichaelisMenten> saturations() {
        return Combinators.combine(Series.between(0.1, 100.0), Series.between(0.01, 100.0)).as(MichaelisMenten::new);
    }
}
