package io.github.mmm4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mmm4j.core.Frequency;
import io.github.mmm4j.core.TimeIndex;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Decomposition#mean}: component-wise means whose components add up to the mean prediction. */
class DecompositionTest {

    private static final TimeIndex TIME = TimeIndex.regular(LocalDate.of(2024, 1, 1), Frequency.WEEKLY, 3);

    private static Decomposition of(double... values) {
        double[] predicted = new double[3];
        for (int r = 0; r < 3; r++) {
            predicted[r] = values[2 * r] + values[2 * r + 1];
        }
        return new Decomposition(TIME, List.of("all"), List.of("baseline", "tv"), values, predicted);
    }

    @Test
    void meanAveragesEachValueAndKeepsTheSumExact() {
        Decomposition a = of(1, 2, 3, 4, 5, 6);
        Decomposition b = of(3, 0, 1, 8, 5, -2);
        Decomposition m = Decomposition.mean(2, i -> i == 0 ? a : b);
        assertArrayEquals(new double[] {2, 1, 2, 6, 5, 2}, m.values());
        assertArrayEquals(new double[] {3, 8, 7}, m.predicted());
        assertEquals(List.of("baseline", "tv"), m.components());
        // one part is itself
        assertArrayEquals(a.values(), Decomposition.mean(1, i -> a).values());
    }

    @Test
    void rejectsNoPartsAndMismatchedParts() {
        Decomposition a = of(1, 2, 3, 4, 5, 6);
        Decomposition other = new Decomposition(TIME, List.of("all"), List.of("baseline", "radio"),
                new double[6], new double[3]);
        assertThrows(IllegalArgumentException.class, () -> Decomposition.mean(0, i -> a));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Decomposition.mean(2, i -> i == 0 ? a : other));
        assertEquals("part 1 differs in time, geos or components from part 0", e.getMessage());
    }
}
