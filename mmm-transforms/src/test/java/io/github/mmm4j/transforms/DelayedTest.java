package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The {@link AdstockContract} for {@link Delayed}. */
final class DelayedTest extends AdstockContract {
    @Override
    Arbitrary<Delayed> adstocks() {
        return AdstockContract.lags().filter(l -> l >= 1).flatMap(l -> Combinators.combine(
                Series.between(0.05, 0.95), Series.between(0.01, l - 0.01),
                Arbitraries.of(true, false)).as((alpha, theta, norm) -> new Delayed(alpha, theta, l, norm)));
    }
}
