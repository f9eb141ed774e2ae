package io.github.mmm4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.core.MmmDataset;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The arbitraries generate valid scenarios whose data and truth agree. The invariants hold for every scenario, so
 * these properties cannot fail by chance whatever seeds jqwik draws.
 */
class ScenariosProperties {

    @Property(tries = 5)
    void easyScenariosGenerateValidData(@ForAll("easy") Scenario s) {
        check(s);
    }

    @Property(tries = 5)
    void realisticScenariosGenerateValidData(@ForAll("realistic") Scenario s) {
        check(s);
    }

    @Property(tries = 5)
    void hardScenariosGenerateValidData(@ForAll("hard") Scenario s) {
        check(s);
    }

    @Property(tries = 3)
    void geoScenariosGenerateValidData(@ForAll("geo") Scenario s) {
        check(s);
    }

    private static void check(Scenario s) {
        Generated g = s.generate();
        MmmDataset d = g.data();
        assertEquals(s.spec().periods() * s.spec().nGeos(), d.nRows());
        assertEquals(s.spec().channelNames(), d.channels());
        double[] kpi = d.kpi();
        double[] signal = g.truth().signal();
        double[] noise = g.truth().noise();
        for (int r = 0; r < kpi.length; r++) {
            assertTrue(Double.isFinite(kpi[r]));
            assertTrue(Tolerances.close(kpi[r] - noise[r], signal[r], Tolerances.SUM));
        }
        for (ChannelTruth t : g.truth().channels()) {
            assertTrue(t.spend() > 0 && t.roi() >= 0 && Double.isFinite(t.mroi()), t.toString());
        }
        assertEquals(s.spec(), ScenarioFiles.fromJson(ScenarioFiles.toJson(s.spec())));
        assertEquals(g.truth().toJson(), s.generate().truth().toJson());
    }

    @Provide
    Arbitrary<Scenario> easy() {
        return Scenarios.easy();
    }

    @Provide
    Arbitrary<Scenario> realistic() {
        return Scenarios.realistic();
    }

    @Provide
    Arbitrary<Scenario> hard() {
        return Scenarios.hard();
    }

    @Provide
    Arbitrary<Scenario> geo() {
        return Scenarios.geo();
    }
}
