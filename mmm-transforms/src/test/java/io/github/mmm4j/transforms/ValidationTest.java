package io.github.mmm4j.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import org.junit.jupiter.api.function.Executable;

/** Invalid parameters fail at construction with the parameter's name and value in the message. */
class ValidationTest {

    private static void assertRejects(String message, Executable construct) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct);
        assertEquals(message, e.getMessage());
    }

    @Example
    void adstocksNameTheBadParameter() {
        assertRejects("alpha = 1.2; must be in [0.0, 1.0)", () -> Adstock.geometric(1.2, 8, true));
        assertRejects("alpha = NaN; must be in [0.0, 1.0)", () -> Adstock.geometric(Double.NaN, 8, true));
        assertRejects("alpha = -0.1; must be in [0.0, 1.0)", () -> Adstock.geometricInfinite(-0.1, false));
        assertRejects("maxLag = -1; must be >= 0", () -> Adstock.geometric(0.5, -1, true));
        assertRejects("alpha = 0.0; must be in (0.0, 1.0)", () -> Adstock.delayed(0.0, 1, 4, true));
        assertRejects("theta = 5.0; must be in [0.0, 4.0]", () -> Adstock.delayed(0.5, 5, 4, true));
        assertRejects("shape = 0.0; must be finite and > 0", () -> Adstock.weibullCdf(0.0, 0.5, 4));
        assertRejects("scale = 1.5; must be in [0.0, 1.0]", () -> Adstock.weibullPdf(1.0, 1.5, 4));
        assertRejects("shape = Infinity; must be finite and > 0", () -> Adstock.weibullPdf(Double.POSITIVE_INFINITY,
                0.5, 4));
        assertRejects("gamma = 1.0; must be in (0.0, 1.0)", () -> Adstock.betaGamma(0.5, 1.0, 4));
        assertRejects("beta = -0.6; must be in (-0.5, 1.0) = (gamma - 1, 1)", () -> Adstock.betaGamma(-0.6, 0.5, 4));
        assertRejects("parameters.length = 2; expected 1", () -> Adstock.geometric(0.5, 3, true)
                .withParameters(new double[] {0.1, 0.2}));
    }

    @Example
    void saturationsNameTheBadParameter() {
        Map<String, Executable> cases = Map.of(
                "ec = 0.0; must be finite and > 0", () -> Saturation.hill(0.0, 1.0),
                "slope = NaN; must be finite and > 0", () -> Saturation.hill(1.0, Double.NaN),
                "lambda = -1.0; must be finite and > 0", () -> Saturation.logistic(-1.0),
                "inflection = -1.0; must be finite and >= 0", () -> Saturation.sigmoid(-1.0, 1.0),
                "steepness = 0.0; must be finite and > 0", () -> Saturation.sigmoid(1.0, 0.0),
                "alpha = Infinity; must be finite and > 0",
                () -> Saturation.michaelisMenten(Double.POSITIVE_INFINITY, 1.0),
                "lambda = 0.0; must be finite and > 0", () -> Saturation.michaelisMenten(1.0, 0.0),
                "b = 0.0; must be finite and > 0", () -> Saturation.tanh(0.0, 1.0),
                "c = -2.0; must be finite and > 0", () -> Saturation.tanh(1.0, -2.0));
        cases.forEach(ValidationTest::assertRejects);
    }

    @Example
    void kernelsCheckShapes() {
        Adstock[] a = {Adstock.geometric(0.5, 3, true)};
        Saturation[] s = {Saturation.hill(1, 1), Saturation.hill(1, 2)};
        assertRejects("saturations.length = 2; expected adstocks.length = 1",
                () -> Transforms.forward(a, s, new double[4], 4, null, null));
        double[] x = new double[4];
        assertRejects("out must not be the same array as x",
                () -> Transforms.forward(a, List.of(s[0]).toArray(new Saturation[0]), x, 4, x, null));
        assertRejects("out.length = 3; expected > 3 (offset 0, stride 1, n 4)",
                () -> a[0].apply(new double[4], 4, new double[3]));
    }
}
