package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import java.util.List;
import java.util.Objects;

/**
 * A group of channels whose total horizon spend is bounded: {@code min <= sum_{c in channels} x_c <= max}. Groups of
 * one optimisation may overlap (on a panel, a cell in its channel's group and its geo's); overlapping groups need
 * concave response curves (see {@link BudgetOptimizer}).
 *
 * @param name the group's name, used in messages
 * @param channels the member channels, at least one, no duplicates
 * @param min the minimum total, finite and at least 0
 * @param max the maximum total, at least {@code min}; may be {@code +infinity}
 */
public record ChannelGroup(String name, List<String> channels, double min, double max) {

    /** Validates and copies. */
    public ChannelGroup {
        Objects.requireNonNull(name, "name");
        channels = List.copyOf(channels);
        Checks.checkArgument(!channels.isEmpty(), "group '%s' has no channels", name);
        Checks.checkArgument(channels.stream().distinct().count() == channels.size(),
                "group '%s' lists a channel twice: %s", name, channels);
        Checks.checkNonNegative("min", min);
        Checks.checkArgument(!Double.isNaN(max), "group '%s': max = NaN", name);
    }
}
