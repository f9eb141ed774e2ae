package io.github.mmm4j.transforms;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every family describes each of its parameters (support, search range, prior) in parameter order, and the corners
 * of the default search range are valid transforms; concavity on the type matches the curve's second derivative.
 */
class ParameterSpecTest {

    static Stream<Object> families() {
        return Stream.of(Adstock.geometric(0.5, 8, true), Adstock.geometricInfinite(0.4, false),
                Adstock.delayed(0.5, 2, 8, true), Adstock.delayed(0.5, 0, 0, true), Adstock.weibullCdf(1.5, 0.3, 8),
                Adstock.weibullPdf(2, 0.2, 8), Adstock.betaGamma(0.3, 0.5, 6), Saturation.hill(1, 0.8),
                Saturation.hill(1, 2.5), Saturation.logistic(1.2), Saturation.michaelisMenten(1, 1),
                Saturation.sigmoid(1, 2), Saturation.tanh(1, 1));
    }

    private static List<String> names(Object t) {
        return t instanceof Adstock a ? a.parameterNames() : ((Saturation) t).parameterNames();
    }

    private static List<ParameterSpec> specs(Object t) {
        return t instanceof Adstock a ? a.parameterSpecs() : ((Saturation) t).parameterSpecs();
    }

    private static double[] values(Object t) {
        return t instanceof Adstock a ? a.parameters() : ((Saturation) t).parameters();
    }

    private static void build(Object t, double[] p) {
        if (t instanceof Adstock a) {
            a.withParameters(p);
        } else {
            ((Saturation) t).withParameters(p);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void specsFollowTheParametersAndTheirCornersAreValid(Object t) {
        List<ParameterSpec> specs = specs(t);
        assertEquals(names(t), specs.stream().map(ParameterSpec::name).toList());
        double[] v = values(t);
        for (int i = 0; i < v.length; i++) {
            ParameterSpec.Support s = specs.get(i).support();
            if (s instanceof ParameterSpec.Support.Interval iv) {
                assertTrue(v[i] >= iv.lower() && v[i] <= iv.upper(), t + " " + specs.get(i));
            } else if (s instanceof ParameterSpec.Support.Fixed f) {
                assertEquals(f.value(), v[i], 0.0, t + " " + specs.get(i));
            }
        }
        List<double[]> corners = new ArrayList<>();
        corners.add(v.clone());
        for (int i = 0; i < v.length; i++) {
            List<double[]> next = new ArrayList<>();
            for (double[] c : corners) {
                for (double end : new double[] {specs.get(i).search().low(), specs.get(i).search().high()}) {
                    double[] d = c.clone();
                    d[i] = end;
                    next.add(d);
                }
            }
            corners = next;
        }
        for (double[] c : corners) {
            build(t, c);
        }
    }

    @Test
    void concavityMatchesTheCurve() {
        for (Saturation s : List.of(Saturation.hill(1, 0.8), Saturation.hill(1, 1), Saturation.hill(1, 2.5),
                Saturation.logistic(1.2), Saturation.michaelisMenten(1, 1), Saturation.sigmoid(1, 2),
                Saturation.tanh(1, 1))) {
            boolean concave = true;
            for (double x = 0.01; x < 10; x += 0.01) {
                double d2 = s.derivative(x + 1e-4) - s.derivative(x - 1e-4);
                concave &= d2 <= 1e-9 * Math.abs(s.derivative(x));
            }
            assertEquals(concave, s.isConcave(), s.toString());
        }
        assertFalse(Saturation.hill(1, 2.5).isConcave());
    }
}
