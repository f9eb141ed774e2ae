package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The {@link AdstockContract} for {@link BetaGamma}. {@code beta} stays away from 0: there a lag-1 weight
 * of exactly 0 makes {@code Hill(slope < 1)} of the adstock non-differentiable in {@code beta}.
 */
final class BetaGammaTest extends AdstockContract {
    @Override
    Arbitrary<BetaGamma> adstocks() {
        return Series.between(0.05, 0.95).flatMap(gamma -> Combinators.combine(
                Series.between(gamma - 1 + 0.01, 0.99).filter(b -> Math.abs(b) > 1e-3), AdstockContract.lags())
                .as((beta, lag) -> new BetaGamma(beta, gamma, lag)));
    }
}
