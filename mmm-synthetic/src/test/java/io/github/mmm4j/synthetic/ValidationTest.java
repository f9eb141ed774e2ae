package io.github.mmm4j.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ValidationTest {

    private static String message(UnaryOperator<ScenarioSpec.Builder> edit) {
        return assertThrows(IllegalArgumentException.class, () -> edit.apply(Presets.realistic().toBuilder()).build())
                .getMessage();
    }

    private static ScenarioSpec.Builder withChannel(ScenarioSpec.Builder b, int index, ScenarioSpec.Channel c) {
        List<ScenarioSpec.Channel> cs = new ArrayList<>(Presets.realistic().channels());
        cs.set(index, c);
        return b.channels(cs);
    }

    @Test
    void negativeEffectIsNamedByItsPath() {
        ScenarioSpec.Channel social = Presets.realistic().channels().get(2);
        assertEquals("channels[2].effect = -1.0; must be >= 0", message(b -> withChannel(b, 2,
                new ScenarioSpec.Channel(social.name(), social.spend(), social.adstock(), social.saturation(), -1.0))));
    }

    @Test
    void spendPatternFieldsAreNamed() {
        assertEquals("channels[0].spend.mean = -5.0; must be finite and > 0", message(b -> withChannel(b, 0,
                new ScenarioSpec.Channel("tv", new SpendPattern.AlwaysOn(-5, 0.1), Adstock.geometric(0.5, 8, true),
                        Saturation.hill(1, 1), 1))));
        assertEquals("channels[1].spend.onFraction = 0.0; must be in (0, 1]", message(b -> withChannel(b, 1,
                new ScenarioSpec.Channel("search", new SpendPattern.Sparse(5, 0, 0.1), Adstock.geometric(0.5, 8, true),
                        Saturation.hill(1, 1), 1))));
        assertEquals("channels[5].spend.period = 156; must be in [0, 156) (periods)", message(b -> withChannel(b, 5,
                new ScenarioSpec.Channel("ooh", new SpendPattern.Spike(5, 0.1, 156, 3), Adstock.geometric(0.5, 8, true),
                        Saturation.hill(1, 1), 1))));
    }

    @Test
    void crossReferencesAndNamesAreChecked() {
        assertTrue(message(b -> b.collinear("tv", "nope", 0.5))
                .startsWith("collinearity[0].follows = 'nope'; no such channel; channels are [tv, search"));
        assertEquals("collinearity[0].follows = 'tv'; a channel cannot follow itself",
                message(b -> b.collinear("tv", "tv", 0.5)));
        assertEquals("collinearity[0].weight = 1.5; must be in [0.0, 1.0]", message(b -> b.collinear("radio", "tv", 1.5)));
        assertTrue(message(b -> b.control(new ControlSpec.Confounder("demand", "x", 0.5, 0, 1, 1)))
                .startsWith("controls[2].channel = 'x'; no such channel"));
        assertEquals("controls[2].name = 'tv'; the name is already used by another column",
                message(b -> b.control(new ControlSpec.Competitor("tv", 1, 0.1, -1))));
        assertTrue(message(b -> b.event(new ScenarioSpec.Event("trend", List.of(java.time.LocalDate.of(2023, 5, 1)),
                false, 1))).startsWith("events[2].name = 'trend'; reserved"));
        assertEquals("periods = 2; must be >= 4", message(b -> b.periods(2)));
        assertEquals("geos[1].name = 'national'; duplicate geo",
                message(b -> b.geos(List.of(ScenarioSpec.Geo.NATIONAL, ScenarioSpec.Geo.NATIONAL))));
        assertEquals("geos[0].scale = 0.0; must be finite and > 0",
                message(b -> b.geos(List.of(new ScenarioSpec.Geo("a", 0, 1)))));
        assertEquals("channels is empty; give at least one channel", message(b -> b.channels(List.of())));
    }

    @Test
    void noiseFieldsAreChecked() {
        assertEquals("noise.sd = 1.0 and noise.snr = 2.0; give one of them, not both",
                message(b -> b.noise(new ScenarioSpec.Noise(1, 2, 0, 0, 0))));
        assertEquals("noise.studentDf = 2.0; must be 0 (Gaussian) or finite and > 2",
                message(b -> b.noise(new ScenarioSpec.Noise(1, 0, 2, 0, 0))));
        assertEquals("noise.outlierFraction = 0.7; must be in [0.0, 0.5]",
                message(b -> b.noise(new ScenarioSpec.Noise(1, 0, 0, 0.7, 1))));
        assertEquals("baseline.intercept = NaN; must be finite",
                message(b -> b.baseline(ScenarioSpec.Baseline.flat(Double.NaN))));
    }
}
