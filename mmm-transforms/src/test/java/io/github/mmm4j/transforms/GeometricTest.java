package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The {@link AdstockContract} for {@link Geometric}. */
final class GeometricTest extends AdstockContract {
    @Override
    Arbitrary<Geometric> adstocks() {
        return Combinators.combine(Series.between(0.001, 0.95), AdstockContract.lags(),
                Arbitraries.of(true, false)).as(Geometric::new);
    }
}
