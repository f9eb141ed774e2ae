package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The {@link SaturationContract} for {@link Hill}. */
final class HillContractTest extends SaturationContract {
    @Override
    Arbitrary<Hill> saturations() {
        // integer slopes take the fast path, the others the log-odds path
        return Combinators.combine(Series.between(0.01, 100.0),
                net.jqwik.api.Arbitraries.oneOf(Series.between(0.2, 6.0),
                        net.jqwik.api.Arbitraries.of(1.0, 2.0, 3.0, 4.0, 8.0)))
                .as(Hill::new);
    }
}
