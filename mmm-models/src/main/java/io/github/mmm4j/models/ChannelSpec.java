package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.Objects;

/**
 * How one media channel enters a model: its spend, divided by the channel's mean spend over the training
 * rows (so that transform parameters are in units of "average spend" and independent of currency), is
 * carried over by {@code adstock}, then saturated by {@code saturation}. The transformed series multiplies
 * the channel's coefficient.
 *
 * @param name the channel's name, as in the dataset
 * @param adstock the carryover
 * @param saturation the diminishing-returns curve, applied to the adstocked level
 */
public record ChannelSpec(String name, Adstock adstock, Saturation saturation) {

    /** Validates the parts. */
    public ChannelSpec {
        Objects.requireNonNull(name, "name");
        Checks.checkArgument(!name.isBlank(), "channel name is blank");
        Objects.requireNonNull(adstock, "adstock");
        Objects.requireNonNull(saturation, "saturation");
    }

    /**
     * @param adstock the new carryover
     * @return a copy with {@code adstock}
     */
    public ChannelSpec withAdstock(Adstock adstock) {
        return new ChannelSpec(name, adstock, saturation);
    }

    /**
     * @param saturation the new saturation
     * @return a copy with {@code saturation}
     */
    public ChannelSpec withSaturation(Saturation saturation) {
        return new ChannelSpec(name, adstock, saturation);
    }
}
