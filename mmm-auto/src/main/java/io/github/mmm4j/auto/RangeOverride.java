package io.github.mmm4j.auto;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.search.ParameterRange;
import io.github.mmm4j.models.search.SearchSpace;
import java.util.List;
import java.util.Objects;

/**
 * A change of the hyperparameter search's range for one transform parameter of one channel, as the tuner
 * proposes it (for example "Hill slope of tv in [0.5, 1]": concave response only).
 *
 * @param channel the channel
 * @param saturation true for a saturation parameter, false for an adstock parameter
 * @param parameter the parameter's name, as the transform's {@code parameterNames()} gives it
 * @param lower the range's lower end
 * @param upper the range's upper end, at least {@code lower}
 */
public record RangeOverride(String channel, boolean saturation, String parameter, double lower, double upper) {

    /** Validates. */
    public RangeOverride {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(parameter, "parameter");
        Checks.checkArgument(lower <= upper, "lower = %s > upper = %s", lower, upper);
    }

    /**
     * Applies overrides to a space; an override whose parameter the channel's current transform does not have
     * (after a change of family) is skipped.
     *
     * @param space the space
     * @param spec the structure the space is for
     * @param overrides the overrides, applied in order
     * @return the changed space
     */
    static SearchSpace apply(SearchSpace space, io.github.mmm4j.models.ModelSpec spec, List<RangeOverride> overrides) {
        SearchSpace s = space;
        for (RangeOverride o : overrides) {
            var c = spec.channel(o.channel());
            List<String> names = o.saturation() ? c.saturation().parameterNames() : c.adstock().parameterNames();
            if (!names.contains(o.parameter())) {
                continue;
            }
            ParameterRange r = ParameterRange.linear(o.lower(), o.upper());
            s = o.saturation() ? s.withSaturationRange(o.channel(), o.parameter(), r)
                    : s.withAdstockRange(o.channel(), o.parameter(), r);
        }
        return s;
    }
}
