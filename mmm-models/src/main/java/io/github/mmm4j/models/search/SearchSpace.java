package io.github.mmm4j.models.search;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.ParameterSpec;
import io.github.mmm4j.transforms.BetaGamma;
import io.github.mmm4j.transforms.Delayed;
import io.github.mmm4j.transforms.Geometric;
import io.github.mmm4j.transforms.GeometricInfinite;
import io.github.mmm4j.transforms.Hill;
import io.github.mmm4j.transforms.Logistic;
import io.github.mmm4j.transforms.MichaelisMenten;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.Sigmoid;
import io.github.mmm4j.transforms.Tanh;
import io.github.mmm4j.transforms.WeibullCdf;
import io.github.mmm4j.transforms.WeibullPdf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The box a {@link HyperparameterSearch} explores: a {@link ParameterRange} for every continuous parameter of every
 * channel's adstock and saturation (the <em>family</em> of each transform and its structural settings such as
 * {@code maxLag} and {@code normalized} are fixed by the {@link ModelSpec}; only {@link Adstock#parameters()} and
 * {@link Saturation#parameters()} are searched) and for the ridge penalty {@code lambda}. Immutable; the
 * {@code with...} methods return modified copies.
 *
 * <h2>Coordinates</h2>
 * The optimiser works on the unit box {@code [0, 1]^d}, {@code d = }{@link #dimension()}: channel by channel in the
 * spec's order, the non-fixed adstock parameters in {@link Adstock#parameterNames()} order, then the non-fixed
 * saturation parameters, and last {@code lambda} if it is not fixed. Each coordinate maps to its range by
 * {@link ParameterRange#at}. {@link #coordinateNames()} names them ({@code "tv.adstock.alpha"},
 * {@code "tv.saturation.ec"}, ..., {@code "lambda"}).
 *
 * <h2>Default ranges</h2>
 * Chosen after Robyn's recommended hyperparameter bounds (Meta, Robyn documentation, "Hyperparameters";
 * {@code R/R/checks.R}, {@code hyper_limits()}), translated to mmm4j's parameterisation, where spend enters the
 * transforms divided by its training mean (so saturation points are in units of mean spend):
 * <table>
 *   <caption>Default ranges per family</caption>
 *   <tr><th>family</th><th>parameter</th><th>range</th><th>Robyn</th></tr>
 *   <tr><td>{@link Geometric}, {@link GeometricInfinite}</td><td>alpha</td><td>[0, 0.9]</td>
 *       <td>theta, within [0, 1)</td></tr>
 *   <tr><td>{@link Delayed}</td><td>alpha; theta</td><td>[0.05, 0.9]; [0, maxLag]</td><td>-</td></tr>
 *   <tr><td>{@link WeibullCdf}, {@link WeibullPdf}</td><td>shape; scale</td>
 *       <td>[0.1, 10] log; [0, 0.5]</td><td>shape within [0, 20), scale within [0, 1]</td></tr>
 *   <tr><td>{@link BetaGamma}</td><td>beta; gamma</td><td>[0, 0.9]; [0.05, 0.9]</td><td>-</td></tr>
 *   <tr><td>{@link Hill}</td><td>ec; slope</td><td>[0.3, 3]; [0.5, 3]</td>
 *       <td>gamma (position of ec, [0.3, 1]); alpha ([0.5, 3])</td></tr>
 *   <tr><td>{@link Logistic}</td><td>lambda</td><td>[0.1, 10] log</td><td>-</td></tr>
 *   <tr><td>{@link Sigmoid}</td><td>inflection; steepness</td><td>[0, 3]; [0.5, 10] log</td><td>-</td></tr>
 *   <tr><td>{@link MichaelisMenten}</td><td>alpha; lambda</td><td>fixed at the spec's value; [0.3, 3]</td>
 *       <td>-</td></tr>
 *   <tr><td>{@link Tanh}</td><td>b; c</td><td>fixed at the spec's value; [0.3 / b, 3 / b] log</td><td>-</td></tr>
 *   <tr><td>ridge penalty</td><td>lambda</td><td>[1e-4, 10] log</td>
 *       <td>lambda_hp in [0, 1] of glmnet's path</td></tr>
 * </table>
 * A saturation parameter that only multiplies the column (Michaelis-Menten's limit {@code alpha}, Tanh's {@code b}
 * apart from its role inside) is not identified once the column is standardised and is therefore fixed.
 * {@code lambda} is the penalty of {@link io.github.mmm4j.models.Ridge} on standardised columns (the objective
 * {@code ||y_s - Z b||^2 + n lambda ||b||^2}; Hoerl and Kennard 1970), so it is independent of units and length.
 *
 * <p>Every range is checked when it is set: the transform must accept every corner of the box of its ranges, so no
 * point the optimiser can propose is invalid.
 */
public final class SearchSpace {

    /** Default penalty range: log-uniform on {@code [1e-4, 10]}. */
    public static final ParameterRange DEFAULT_LAMBDA = ParameterRange.log(1e-4, 10);

    private final List<ChannelSpec> channels;
    private final ParameterRange[][] adstockRanges;
    private final ParameterRange[][] saturationRanges;
    private final ParameterRange lambda;

    private SearchSpace(List<ChannelSpec> channels, ParameterRange[][] adstockRanges,
            ParameterRange[][] saturationRanges, ParameterRange lambda) {
        this.channels = List.copyOf(channels);
        this.adstockRanges = adstockRanges;
        this.saturationRanges = saturationRanges;
        this.lambda = lambda;
    }

    /**
     * The default space of a specification: the ranges of the table in the class comment for each channel's
     * families, and {@link #DEFAULT_LAMBDA}.
     *
     * @param spec the model structure; its transforms' current parameter values are used only for fixed
     *     parameters
     * @return the space
     * @throws IllegalArgumentException if a default range is invalid for a channel's structure (cannot happen
     *     for the built-in families)
     */
    public static SearchSpace defaults(ModelSpec spec) {
        Objects.requireNonNull(spec, "spec");
        int nc = spec.channels().size();
        ParameterRange[][] ad = new ParameterRange[nc][];
        ParameterRange[][] sat = new ParameterRange[nc][];
        for (int c = 0; c < nc; c++) {
            ChannelSpec cs = spec.channels().get(c);
            ad[c] = defaultRanges(cs.adstock().parameterSpecs());
            sat[c] = defaultRanges(cs.saturation().parameterSpecs());
            checkCorners(cs.name(), "adstock", cs.adstock()::withParameters, ad[c]);
            checkCorners(cs.name(), "saturation", cs.saturation()::withParameters, sat[c]);
        }
        return new SearchSpace(spec.channels(), ad, sat, DEFAULT_LAMBDA);
    }

    /** The default ranges of a transform's parameters, as its type describes them ({@link ParameterSpec}). */
    private static ParameterRange[] defaultRanges(List<ParameterSpec> specs) {
        ParameterRange[] out = new ParameterRange[specs.size()];
        for (int i = 0; i < out.length; i++) {
            ParameterSpec.SearchRange r = specs.get(i).search();
            out[i] = r.low() == r.high() ? ParameterRange.fixed(r.low())
                    : r.log() ? ParameterRange.log(r.low(), r.high()) : ParameterRange.linear(r.low(), r.high());
        }
        return out;
    }

    /** Builds the transform at every corner of the box (2^k corners, k <= 2 for the built-in families). */
    private static void checkCorners(String channel, String part,
            java.util.function.Function<double[], ?> build, ParameterRange[] ranges) {
        int k = ranges.length;
        double[] v = new double[k];
        for (int mask = 0; mask < (1 << k); mask++) {
            for (int i = 0; i < k; i++) {
                v[i] = (mask & (1 << i)) == 0 ? ranges[i].lower() : ranges[i].upper();
            }
            try {
                build.apply(v.clone());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("channel '" + channel + "': the " + part
                        + " search range allows invalid parameters " + java.util.Arrays.toString(v) + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * A copy with another range for one adstock parameter.
     *
     * @param channel the channel's name
     * @param parameter a name in the channel's {@link Adstock#parameterNames()}
     * @param range the range; every value in it (with the other parameters anywhere in theirs) must be valid
     * @return the new space
     * @throws IllegalArgumentException if the channel or parameter does not exist or the range allows invalid
     *     values
     */
    public SearchSpace withAdstockRange(String channel, String parameter, ParameterRange range) {
        Objects.requireNonNull(range, "range");
        int c = channelIndex(channel);
        Adstock a = channels.get(c).adstock();
        int i = parameterIndex(channel, "adstock", a.parameterNames(), parameter);
        ParameterRange[][] ad = deepCopy(adstockRanges);
        ad[c][i] = range;
        checkCorners(channel, "adstock", a::withParameters, ad[c]);
        return new SearchSpace(channels, ad, saturationRanges, lambda);
    }

    /**
     * A copy with another range for one saturation parameter.
     *
     * @param channel the channel's name
     * @param parameter a name in the channel's {@link Saturation#parameterNames()}
     * @param range the range; every value in it (with the other parameters anywhere in theirs) must be valid
     * @return the new space
     * @throws IllegalArgumentException if the channel or parameter does not exist or the range allows invalid
     *     values
     */
    public SearchSpace withSaturationRange(String channel, String parameter, ParameterRange range) {
        Objects.requireNonNull(range, "range");
        int c = channelIndex(channel);
        Saturation s = channels.get(c).saturation();
        int i = parameterIndex(channel, "saturation", s.parameterNames(), parameter);
        ParameterRange[][] sat = deepCopy(saturationRanges);
        sat[c][i] = range;
        checkCorners(channel, "saturation", s::withParameters, sat[c]);
        return new SearchSpace(channels, adstockRanges, sat, lambda);
    }

    /**
     * A copy with another penalty range.
     *
     * @param range the range of {@code lambda}, {@code lower >= 0}
     * @return the new space
     * @throws IllegalArgumentException if {@code range.lower() < 0}
     */
    public SearchSpace withLambda(ParameterRange range) {
        Objects.requireNonNull(range, "range");
        Checks.checkArgument(range.lower() >= 0, "lambda range lower = %s; must be >= 0", range.lower());
        return new SearchSpace(channels, adstockRanges, saturationRanges, range);
    }

    /**
     * @param channel the channel's name
     * @param parameter an adstock parameter name
     * @return its range
     * @throws IllegalArgumentException if the channel or parameter does not exist
     */
    public ParameterRange adstockRange(String channel, String parameter) {
        int c = channelIndex(channel);
        return adstockRanges[c][parameterIndex(channel, "adstock",
                channels.get(c).adstock().parameterNames(), parameter)];
    }

    /**
     * @param channel the channel's name
     * @param parameter a saturation parameter name
     * @return its range
     * @throws IllegalArgumentException if the channel or parameter does not exist
     */
    public ParameterRange saturationRange(String channel, String parameter) {
        int c = channelIndex(channel);
        return saturationRanges[c][parameterIndex(channel, "saturation",
                channels.get(c).saturation().parameterNames(), parameter)];
    }

    /** @return the range of the ridge penalty */
    public ParameterRange lambda() {
        return lambda;
    }

    /** @return the channel specifications (families and structure) this space is for */
    public List<ChannelSpec> channels() {
        return channels;
    }

    /** @return the number of searched (non-fixed) coordinates {@code d} */
    public int dimension() {
        return coordinateNames().size();
    }

    /** @return the names of the {@link #dimension()} coordinates, in coordinate order (see the class comment) */
    public List<String> coordinateNames() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < channels.size(); c++) {
            ChannelSpec cs = channels.get(c);
            for (int i = 0; i < adstockRanges[c].length; i++) {
                if (!adstockRanges[c][i].isFixed()) {
                    names.add(cs.name() + ".adstock." + cs.adstock().parameterNames().get(i));
                }
            }
            for (int i = 0; i < saturationRanges[c].length; i++) {
                if (!saturationRanges[c][i].isFixed()) {
                    names.add(cs.name() + ".saturation." + cs.saturation().parameterNames().get(i));
                }
            }
        }
        if (!lambda.isFixed()) {
            names.add("lambda");
        }
        return Collections.unmodifiableList(names);
    }

    /**
     * The model specification at a point of the unit box: each channel's transforms with the decoded parameters.
     *
     * @param spec the specification whose trend and harmonics are kept; its channels must match this space
     * @param unit (input) not modified; the point, length {@link #dimension()}; coordinates are clamped to [0, 1]
     * @return the specification
     * @throws IllegalArgumentException if the length is wrong or the spec does not match
     */
    public ModelSpec spec(ModelSpec spec, double[] unit) {
        checkMatches(spec);
        Checks.checkLength("unit", unit, dimension());
        List<ChannelSpec> cs = new ArrayList<>();
        int k = 0;
        for (int c = 0; c < channels.size(); c++) {
            ChannelSpec ch = channels.get(c);
            double[] a = new double[adstockRanges[c].length];
            for (int i = 0; i < a.length; i++) {
                ParameterRange r = adstockRanges[c][i];
                a[i] = r.isFixed() ? r.lower() : r.at(unit[k++]);
            }
            double[] s = new double[saturationRanges[c].length];
            for (int i = 0; i < s.length; i++) {
                ParameterRange r = saturationRanges[c][i];
                s[i] = r.isFixed() ? r.lower() : r.at(unit[k++]);
            }
            cs.add(new ChannelSpec(ch.name(), ch.adstock().withParameters(a), ch.saturation().withParameters(s)));
        }
        return new ModelSpec(cs, spec.trend(), spec.fourierHarmonics(), spec.price());
    }

    /**
     * The penalty at a point of the unit box.
     *
     * @param unit (input) not modified; the point, length {@link #dimension()}
     * @return {@code lambda}
     */
    public double lambdaAt(double[] unit) {
        Checks.checkLength("unit", unit, dimension());
        return lambda.isFixed() ? lambda.lower() : lambda.at(unit[unit.length - 1]);
    }

    /**
     * The unit coordinates of a specification and penalty, the inverse of {@link #spec} and {@link #lambdaAt}
     * (values outside their ranges are clamped).
     *
     * @param spec a specification matching this space
     * @param lambdaValue a penalty
     * @return a new array of length {@link #dimension()}
     */
    public double[] unitOf(ModelSpec spec, double lambdaValue) {
        checkMatches(spec);
        double[] u = new double[dimension()];
        int k = 0;
        for (int c = 0; c < channels.size(); c++) {
            double[] a = spec.channels().get(c).adstock().parameters();
            for (int i = 0; i < a.length; i++) {
                if (!adstockRanges[c][i].isFixed()) {
                    u[k++] = adstockRanges[c][i].unitOf(a[i]);
                }
            }
            double[] s = spec.channels().get(c).saturation().parameters();
            for (int i = 0; i < s.length; i++) {
                if (!saturationRanges[c][i].isFixed()) {
                    u[k++] = saturationRanges[c][i].unitOf(s[i]);
                }
            }
        }
        if (!lambda.isFixed()) {
            u[k] = lambda.unitOf(lambdaValue);
        }
        return u;
    }

    /**
     * Checks that a specification has this space's channels, families and structure (everything but the
     * parameter values).
     *
     * @param spec a specification
     * @throws IllegalArgumentException naming the first mismatch
     */
    public void checkMatches(ModelSpec spec) {
        Objects.requireNonNull(spec, "spec");
        Checks.checkArgument(spec.channels().size() == channels.size(), "the spec has %d channels; the space has %d",
                spec.channels().size(), channels.size());
        for (int c = 0; c < channels.size(); c++) {
            ChannelSpec mine = channels.get(c);
            ChannelSpec theirs = spec.channels().get(c);
            Checks.checkArgument(mine.name().equals(theirs.name()), "channel %d is '%s' in the spec but '%s' in the space",
                    c, theirs.name(), mine.name());
            Checks.checkArgument(mine.adstock().withParameters(theirs.adstock().parameters()).equals(theirs.adstock()),
                    "channel '%s': the spec's adstock %s has another family or structure than the space's %s",
                    mine.name(), theirs.adstock(), mine.adstock());
            Checks.checkArgument(
                    mine.saturation().withParameters(theirs.saturation().parameters()).equals(theirs.saturation()),
                    "channel '%s': the spec's saturation %s has another family or structure than the space's %s",
                    mine.name(), theirs.saturation(), mine.saturation());
        }
    }

    // ---- package-private decoding for the evaluator (no allocation) ----

    /** The adstock ranges of channel {@code c} (shared, do not modify). */
    ParameterRange[] adstockRanges(int c) {
        return adstockRanges[c];
    }

    /** The saturation ranges of channel {@code c} (shared, do not modify). */
    ParameterRange[] saturationRanges(int c) {
        return saturationRanges[c];
    }

    private int channelIndex(String channel) {
        Objects.requireNonNull(channel, "channel");
        for (int c = 0; c < channels.size(); c++) {
            if (channels.get(c).name().equals(channel)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no channel '" + channel + "' in the search space");
    }

    private static int parameterIndex(String channel, String part, List<String> names, String parameter) {
        Objects.requireNonNull(parameter, "parameter");
        int i = names.indexOf(parameter);
        Checks.checkArgument(i >= 0, "channel '%s': the %s has no parameter '%s'; its parameters are %s", channel,
                part, parameter, names);
        return i;
    }

    private static ParameterRange[][] deepCopy(ParameterRange[][] r) {
        ParameterRange[][] out = new ParameterRange[r.length][];
        for (int i = 0; i < r.length; i++) {
            out[i] = r[i].clone();
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SearchSpace[");
        for (int c = 0; c < channels.size(); c++) {
            ChannelSpec cs = channels.get(c);
            sb.append(cs.name()).append(": ").append(cs.adstock().name()).append(' ');
            for (int i = 0; i < adstockRanges[c].length; i++) {
                sb.append(cs.adstock().parameterNames().get(i)).append(range(adstockRanges[c][i])).append(' ');
            }
            sb.append(cs.saturation().name()).append(' ');
            for (int i = 0; i < saturationRanges[c].length; i++) {
                sb.append(cs.saturation().parameterNames().get(i)).append(range(saturationRanges[c][i])).append(' ');
            }
            sb.append("; ");
        }
        return sb.append("lambda").append(range(lambda)).append(']').toString();
    }

    private static String range(ParameterRange r) {
        return r.isFixed() ? "=" + r.lower() : "[" + r.lower() + ", " + r.upper() + (r.logScale() ? " log]" : "]");
    }
}
