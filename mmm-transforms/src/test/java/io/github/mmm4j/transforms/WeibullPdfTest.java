package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The {@link AdstockContract} for {@link WeibullPdf}.
 *
 * The min-max normalisation has kinks where the arg-min or arg-max changes; a central difference
 * straddles one with probability of order {@code h / spacing}, about 1e-5 per parameter draw.
 */
final class WeibullPdfTest extends AdstockContract {
    @Override
    Arbitrary<WeibullPdf> adstocks() {
        return Combinators.combine(Series.between(0.2, 6.0),
                Series.between(0.01, 0.99), AdstockContract.lags()).as(WeibullPdf::new);
    }
}
