package io.github.mmm4j.transforms;

import net.jqwik.api.Arbitrary;

/** The {@link SaturationContract} for {@link Logistic}. */
final class LogisticContractTest extends SaturationContract {
    @Override
    Arbitrary<Logistic> saturations() {
        return Series.between(0.01, 10.0).map(Logistic::new);
    }
}
