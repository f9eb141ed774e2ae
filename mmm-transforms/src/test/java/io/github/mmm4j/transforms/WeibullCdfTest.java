package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** The {@link AdstockContract} for {@link WeibullCdf}. */
final class WeibullCdfTest extends AdstockContract {
    @Override
    Arbitrary<WeibullCdf> adstocks() {
        return Combinators.combine(Series.between(0.2, 5.0),
                Series.between(0.01, 0.99), AdstockContract.lags()).as(WeibullCdf::new);
    }
}
