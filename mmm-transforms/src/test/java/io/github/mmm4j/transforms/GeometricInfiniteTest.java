package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The {@link AdstockContract} for {@link GeometricInfinite}. */
final class GeometricInfiniteTest extends AdstockContract {
    @Override
    Arbitrary<GeometricInfinite> adstocks() {
        return Combinators.combine(Series.between(0.001, 0.9), Arbitraries.of(true, false))
                .as(GeometricInfinite::new);
    }
}
