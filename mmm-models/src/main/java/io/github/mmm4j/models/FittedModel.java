package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.linear.Collinearity;
import io.github.mmm4j.models.linear.CollinearityReport;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted marketing mix model: the one type that every estimator returns (ridge, NNLS, the Bayesian model) and
 * through which attribution, planning, reports, {@code model.json} and the command line use a fit. Immutable and
 * thread-safe.
 *
 * <p><b>What it holds.</b> A <em>layout</em> computed once (the data the model was fitted on, the structure
 * {@link ModelSpec}, the training {@link Design.Frame}, the design's column layout and each channel's geo shares)
 * and a flat block of parameter rows. Every row has the same {@link #parameterNames() layout}:
 * <pre>
 *   row = [intercept, coef_0, ..., coef_(p-1), adstock params of channel 0, saturation params of channel 0, ...,
 *          adstock params of channel C-1, saturation params of channel C-1]
 * </pre>
 * where {@code coef_j} multiplies design column {@code j} ({@link #columnNames()}) in KPI units, so a row is a
 * complete point model, transform parameters included. A model has
 * <ul>
 *   <li>an optional <b>point row</b>: the estimator's own point estimate (for ridge and NNLS the fit on the full
 *       training data), and</li>
 *   <li>{@link #drawCount()} <b>draws</b>, row-major {@code draws[d * width + k]}: bootstrap replicates for ridge
 *       and NNLS, posterior draws for the Bayesian model, none for a plain point fit.</li>
 * </ul>
 * At least one of the two is present.
 *
 * <p><b>The point estimate, defined once.</b> Every point value this class reports (prediction, decomposition,
 * contribution, ROI, marginal ROI, response, channel contribution, coefficients, transform parameters) is
 * <ul>
 *   <li>the value <em>at the point row</em> when the model has one, and otherwise</li>
 *   <li>the <em>mean over all draws</em> of the value computed per draw (the posterior mean; for a decomposition,
 *       each component is averaged, so components still add up to the prediction).</li>
 * </ul>
 * A channel's share is its point contribution divided by the sum of the channels' point contributions, so shares add
 * up to 1 and agree with the decomposition and with the Shapley attribution of an additive model.
 * Intervals are equal-tailed quantiles over all draws at {@link #intervalLevel()} ({@link Interval#of}); for a model
 * with a point row (ridge, NNLS) the bootstrap quantiles are centred on the point estimate ({@link Interval#around}:
 * the replicates give the width, the full-data fit the centre), so a point always lies inside its interval; a model
 * without draws has none. {@link #draw(int)} is draw {@code d} as a model of its own (a point model), so any
 * computation can be repeated per draw to carry the uncertainty through.
 *
 * <p>A model is fitted on {@link #data()}, of which the final {@link #holdout()} periods (in every geo) were held out
 * of estimation. Transforms always run over the whole series given, so carryover flows from the training periods
 * into the holdout; spend before a dataset's first period is taken as zero.
 */
public final class FittedModel {

    /** The part of a model shared by the model and the single-draw models of {@link #draw(int)}. */
    private static final class Layout {
        final String estimator;
        final ModelSpec structure;
        final MmmDataset data;
        final int holdout;
        final Design.Frame frame;
        final List<String> columnNames;
        final int firstMedia;
        final int nCoef;
        final int[] adstockOffset;
        final int[] saturationOffset;
        final int width;
        final List<String> parameterNames;
        final double[][] geoShares;
        final double[] totalSpend;
        final double level;
        final Provenance provenance;
        /**
         * Whether rows end with per-channel, per-geo effect multipliers ({@code geoOffset + c * G + g}) followed by
         * per-geo baseline amplitudes ({@code geoOffset + C * G + g}) that multiply the trend and seasonality.
         */
        final boolean geoEffects;
        final int geoOffset;
        /** Which design columns are trend or seasonality. */
        final boolean[] shapeColumn;

        Layout(String estimator, ModelSpec structure, MmmDataset data, int holdout, Design.Frame frame, double level,
                Provenance provenance, boolean geoEffects) {
            this.estimator = Objects.requireNonNull(estimator, "estimator");
            this.structure = Objects.requireNonNull(structure, "spec");
            this.data = Objects.requireNonNull(data, "data");
            this.frame = Objects.requireNonNull(frame, "frame");
            this.provenance = Objects.requireNonNull(provenance, "provenance");
            Checks.checkNonNegative("holdout", holdout);
            Checks.checkArgument(holdout < data.nPeriods(), "holdout = %d; the data has %d periods", holdout,
                    data.nPeriods());
            this.holdout = holdout;
            Checks.checkArgument(level > 0 && level < 1, "level = %s; must be in (0, 1)", level);
            this.level = level;
            Design design = Design.of(data, structure, frame);
            this.columnNames = design.columnNames();
            this.firstMedia = design.firstMediaColumn();
            this.nCoef = design.cols();
            int nc = data.nChannels();
            this.adstockOffset = new int[nc];
            this.saturationOffset = new int[nc];
            int k = 1 + nCoef;
            for (int c = 0; c < nc; c++) {
                ChannelSpec cs = structure.channels().get(c);
                adstockOffset[c] = k;
                k += cs.adstock().parameterCount();
                saturationOffset[c] = k;
                k += cs.saturation().parameterCount();
            }
            this.geoEffects = geoEffects;
            this.geoOffset = k;
            if (geoEffects) {
                Checks.checkArgument(data.nGeos() > 1, "per-geo effects need a panel; the data has one geo");
                k += nc * data.nGeos() + data.nGeos();
            }
            this.shapeColumn = new boolean[nCoef];
            for (int j = 0; j < firstMedia; j++) {
                String comp = design.components().get(design.componentOf(j));
                shapeColumn[j] = comp.equals("trend") || comp.equals("seasonality");
            }
            this.width = k;
            this.parameterNames = names(columnNames, structure, geoEffects ? data.geos() : List.of());

            this.totalSpend = new double[nc];
            this.geoShares = new double[nc][data.nGeos()];
            int nt = data.nPeriods();
            for (int c = 0; c < nc; c++) {
                totalSpend[c] = data.totalSpend(c);
                for (int g = 0; g < data.nGeos(); g++) {
                    double sum = 0;
                    for (int t = 0; t < nt; t++) {
                        sum += data.spend(g * nt + t, c);
                    }
                    geoShares[c][g] = totalSpend[c] > 0 ? sum / totalSpend[c] : 1.0 / data.nGeos();
                }
            }
        }

        /** The effect multiplier of channel {@code c} in geo {@code g} in the row at {@code offset}; 1 if none. */
        double geoEffect(double[] rows, int offset, int c, int g) {
            return geoEffects ? rows[offset + geoOffset + c * data.nGeos() + g] : 1.0;
        }

        /** The factor of design column {@code j} in geo {@code g}: the geo's baseline amplitude for trend and
         * seasonality columns of a model with per-geo effects, else 1. */
        double columnFactor(double[] rows, int offset, int j, int g) {
            return geoEffects && shapeColumn[j]
                    ? rows[offset + geoOffset + data.nChannels() * data.nGeos() + g] : 1.0;
        }

        ChannelSpec channelAt(double[] rows, int offset, int c) {
            ChannelSpec cs = structure.channels().get(c);
            Adstock a = cs.adstock();
            Saturation s = cs.saturation();
            double[] pa = Arrays.copyOfRange(rows, offset + adstockOffset[c], offset + adstockOffset[c]
                    + a.parameterCount());
            double[] ps = Arrays.copyOfRange(rows, offset + saturationOffset[c], offset + saturationOffset[c]
                    + s.parameterCount());
            return cs.withAdstock(a.withParameters(pa)).withSaturation(s.withParameters(ps));
        }
    }

    /** Per-draw channel quantities over the data window: [4 * c + q], q = contribution, share, roi, mroi. */
    private static final int Q = 4;

    private final Layout layout;
    private final double[] point;
    private final double[] draws;
    private final int nDraws;
    private final SamplerDiagnostics diagnostics;
    /** The channel specs of every row: [row][c]; the point row (if any) is row nDraws. */
    private final ChannelSpec[][] rowChannels;
    private final ModelSpec spec;
    private volatile Summaries summaries;
    private volatile List<List<ChannelSummary>> geoSummaries;
    /** {@link #priceElasticities()}, computed once (it builds the design and may run an F test). */
    private volatile List<PriceElasticity> elasticities;
    /**
     * Every draw's per-geo quantities ({@link #effects(int, double[], int, double[])}), {@code nDraws} rows of
     * {@code G C Q}, computed once and shared by {@link #geoChannels()} and every {@link #channelsOver} call (a brand x
     * region report asks for one per brand and region): 4,000 draws of 200 cells and 4 channels hold 100 MB, 1,000
     * geos 500 MB. Held softly: under memory pressure the JVM may drop it, and it is then computed again (the same
     * values), so a large panel model costs that memory only while its summaries are being made.
     */
    private volatile java.lang.ref.SoftReference<double[]> geoEffectDraws;

    private record Summaries(List<ChannelSummary> channels, FitMetrics train, FitMetrics test,
            FitMetrics totalTrain, FitMetrics totalTest) {
    }

    private FittedModel(Layout layout, double[] point, double[] draws, SamplerDiagnostics diagnostics) {
        this.layout = layout;
        int w = layout.width;
        Checks.checkArgument(point != null || draws != null, "a model needs a point row or draws");
        if (point != null) {
            Checks.checkLength("point", point, w);
            Checks.checkAllFinite("point", point);
        }
        if (draws != null) {
            Checks.checkArgument(draws.length > 0 && draws.length % w == 0,
                    "draws.length = %d; must be a positive multiple of the row width %d %s", draws.length, w,
                    layout.parameterNames);
            Checks.checkAllFinite("draws", draws);
        }
        if (layout.geoEffects) {
            checkGeoEffects("point", point, layout);
            checkGeoEffects("draws", draws, layout);
        }
        this.point = point;
        this.draws = draws;
        this.nDraws = draws == null ? 0 : draws.length / w;
        this.diagnostics = diagnostics;
        int nc = layout.data.nChannels();
        int rowsTotal = nDraws + (point == null ? 0 : 1);
        this.rowChannels = new ChannelSpec[rowsTotal][nc];
        for (int d = 0; d < nDraws; d++) {
            for (int c = 0; c < nc; c++) {
                rowChannels[d][c] = layout.channelAt(draws, d * w, c);
            }
        }
        if (point != null) {
            for (int c = 0; c < nc; c++) {
                rowChannels[nDraws][c] = layout.channelAt(point, 0, c);
            }
        }
        this.spec = estimateSpec();
    }

    private static void checkGeoEffects(String what, double[] rows, Layout layout) {
        if (rows == null) {
            return;
        }
        int w = layout.width;
        int ng = layout.data.nGeos();
        int nc = layout.data.nChannels();
        for (int o = 0; o < rows.length; o += w) {
            for (int k = 0; k < nc * ng + ng; k++) {
                double v = rows[o + layout.geoOffset + k];
                Checks.checkArgument(v > 0, "%s: %s = %s; a geo effect multiplier must be > 0", what,
                        layout.parameterNames.get(layout.geoOffset + k), v);
            }
        }
    }

    /**
     * A model from its layout and parameter rows: the general constructor behind every estimator and
     * {@link ModelJson}.
     *
     * @param estimator the estimator's name ({@code ridge}, {@code nnls}, {@code bayes} or any other)
     * @param spec the model structure: each channel's transform family and structure; the parameter values in it
     *     are not used (they are in the rows)
     * @param data the data fitted, holdout included
     * @param holdout the number of final periods held out, less than the data's periods
     * @param frame the training frame
     * @param point (input) copied; the point row of width {@link #parameterWidth(ModelSpec, MmmDataset, Design.Frame)},
     *     or null for none
     * @param draws (input) copied; the draws, row-major, a positive multiple of the width, or null for none
     * @param level the nominal coverage of the intervals, in (0, 1)
     * @param provenance how the model was made
     * @param diagnostics the sampler's diagnostics, or null for an estimator that does not sample
     * @return the model
     * @throws IllegalArgumentException if both {@code point} and {@code draws} are null, a length is wrong, a value
     *     is not finite, a transform parameter is out of its range or the parts do not fit together
     */
    public static FittedModel of(String estimator, ModelSpec spec, MmmDataset data, int holdout, Design.Frame frame,
            double[] point, double[] draws, double level, Provenance provenance, SamplerDiagnostics diagnostics) {
        return of(estimator, spec, data, holdout, frame, point, draws, level, provenance, diagnostics, false);
    }

    /**
     * As {@link #of(String, ModelSpec, MmmDataset, int, Design.Frame, double[], double[], double, Provenance,
     * SamplerDiagnostics)}, optionally with <b>per-geo effects</b> (a hierarchical model): each row then ends
     * with one positive multiplier per channel and geo, {@code geo_effect:CHANNEL:GEO} at
     * {@code width0 + c * G + g} (channel-major), where {@code width0} is the width without them, then one positive
     * baseline amplitude per geo, {@code geo_baseline:GEO} at {@code width0 + C * G + g}. Channel {@code c}'s
     * contribution in geo {@code g} is then {@code m_cg * size_g * coef_c * sat_c(adstock_c(spend_cg / (scale_c * size_g)))}
     * ({@code size_g} the frame's population size, 1 without population) and each
     * trend and seasonality column of geo {@code g} is multiplied by its amplitude {@code k_g}; without them every
     * multiplier and amplitude is 1.
     *
     * @param estimator the estimator's name
     * @param spec the model structure
     * @param data the data fitted, holdout included; a panel if {@code geoEffects}
     * @param holdout the number of final periods held out
     * @param frame the training frame
     * @param point (input) copied; the point row, or null
     * @param draws (input) copied; the draws, or null
     * @param level the nominal coverage of the intervals, in (0, 1)
     * @param provenance how the model was made
     * @param diagnostics the sampler's diagnostics, or null
     * @param geoEffects whether the rows carry per-geo effect multipliers
     * @return the model
     * @throws IllegalArgumentException as the other factory, or if a multiplier is not positive, or if
     *     {@code geoEffects} is set on national data
     */
    public static FittedModel of(String estimator, ModelSpec spec, MmmDataset data, int holdout, Design.Frame frame,
            double[] point, double[] draws, double level, Provenance provenance, SamplerDiagnostics diagnostics,
            boolean geoEffects) {
        Layout layout = new Layout(estimator, spec, data, holdout, frame, level, provenance, geoEffects);
        return new FittedModel(layout, point == null ? null : point.clone(), draws == null ? null : draws.clone(),
                diagnostics);
    }

    /**
     * A point model without draws whose transforms are those of {@code spec}.
     *
     * @param estimator the estimator's name
     * @param spec the model structure with its transform parameters
     * @param data the data fitted, holdout included
     * @param holdout the number of final periods held out
     * @param frame the training frame
     * @param intercept the intercept, in KPI units
     * @param coefficients (input) not modified; one per design column, in KPI units per unit of the column
     * @param provenance how the model was made
     * @return the model
     */
    public static FittedModel point(String estimator, ModelSpec spec, MmmDataset data, int holdout,
            Design.Frame frame, double intercept, double[] coefficients, Provenance provenance) {
        return of(estimator, spec, data, holdout, frame, row(spec, intercept, coefficients), null, 0.9, provenance,
                null);
    }

    /**
     * The parameter row of a point model: {@code [intercept, coefficients..., transform parameters of spec...]}.
     *
     * @param spec the structure with its transform parameters
     * @param intercept the intercept
     * @param coefficients (input) not modified; the coefficients
     * @return a new row
     */
    public static double[] row(ModelSpec spec, double intercept, double[] coefficients) {
        int k = 1 + coefficients.length;
        int w = k;
        for (ChannelSpec cs : spec.channels()) {
            w += cs.adstock().parameterCount() + cs.saturation().parameterCount();
        }
        double[] r = new double[w];
        r[0] = intercept;
        System.arraycopy(coefficients, 0, r, 1, coefficients.length);
        for (ChannelSpec cs : spec.channels()) {
            for (double v : cs.adstock().parameters()) {
                r[k++] = v;
            }
            for (double v : cs.saturation().parameters()) {
                r[k++] = v;
            }
        }
        return r;
    }

    /**
     * The names of a parameter row's entries for a structure on a dataset (see {@link #parameterNames()}).
     *
     * @param spec the structure
     * @param data the data
     * @param frame the training frame
     * @return the names
     */
    public static List<String> parameterNames(ModelSpec spec, MmmDataset data, Design.Frame frame) {
        return names(Design.of(data, spec, frame).columnNames(), spec, List.of());
    }

    /**
     * The names of a parameter row's entries with per-geo effects (see {@link #of(String, ModelSpec, MmmDataset,
     * int, Design.Frame, double[], double[], double, Provenance, SamplerDiagnostics, boolean)}): those of
     * {@link #parameterNames(ModelSpec, MmmDataset, Design.Frame)} followed by {@code geo_effect:CHANNEL:GEO}.
     *
     * @param spec the structure
     * @param data the data, a panel
     * @param frame the training frame
     * @return the names
     */
    public static List<String> geoEffectParameterNames(ModelSpec spec, MmmDataset data, Design.Frame frame) {
        return names(Design.of(data, spec, frame).columnNames(), spec, data.geos());
    }

    private static List<String> names(List<String> columnNames, ModelSpec spec, List<String> geos) {
        List<String> names = new ArrayList<>();
        names.add("intercept");
        for (String c : columnNames) {
            names.add("coef:" + c);
        }
        for (ChannelSpec cs : spec.channels()) {
            for (String p : cs.adstock().parameterNames()) {
                names.add(cs.name() + ".adstock." + p);
            }
            for (String p : cs.saturation().parameterNames()) {
                names.add(cs.name() + ".saturation." + p);
            }
        }
        for (ChannelSpec cs : spec.channels()) {
            for (String g : geos) {
                names.add("geo_effect:" + cs.name() + ":" + g);
            }
        }
        for (String g : geos) {
            names.add("geo_baseline:" + g);
        }
        return List.copyOf(names);
    }

    /**
     * The width of a parameter row for a structure on a dataset: 1 (intercept) plus the design's columns plus every
     * channel's transform parameters.
     *
     * @param spec the structure
     * @param data the data
     * @param frame the training frame
     * @return the width
     */
    public static int parameterWidth(ModelSpec spec, MmmDataset data, Design.Frame frame) {
        int w = 1 + Design.of(data, spec, frame).cols();
        for (ChannelSpec cs : spec.channels()) {
            w += cs.adstock().parameterCount() + cs.saturation().parameterCount();
        }
        return w;
    }

    // ------------------------------------------------------------------ layout

    /** @return the estimator's name: {@code ridge}, {@code nnls} or {@code bayes} */
    public String estimator() {
        return layout.estimator;
    }

    /**
     * The model structure with every transform parameter at its point estimate (see the class comment: the point
     * row's values, or the mean of each parameter over the draws). Per-draw values are in {@link #draw(int)} and
     * their intervals in {@link #transformParameters()}.
     *
     * @return the structure
     */
    public ModelSpec spec() {
        return spec;
    }

    /** @return the data the model was fitted on, holdout included */
    public MmmDataset data() {
        return layout.data;
    }

    /** @return the number of final periods held out of estimation */
    public int holdout() {
        return layout.holdout;
    }

    /** @return the training frame (origin date and media scales) used to build designs for any data */
    public Design.Frame frame() {
        return layout.frame;
    }

    /** @return how the model was made */
    public Provenance provenance() {
        return layout.provenance;
    }

    /** @return the nominal coverage of the intervals */
    public double intervalLevel() {
        return layout.level;
    }

    /** @return the design column names, in coefficient order */
    public List<String> columnNames() {
        return layout.columnNames;
    }

    /** @return the channel names, in channel order */
    public List<String> channelNames() {
        return layout.data.channels();
    }

    /**
     * @param name a channel's name
     * @return its index
     * @throws IllegalArgumentException naming the channels if there is no such channel
     */
    public int channelIndex(String name) {
        Objects.requireNonNull(name, "name");
        int c = layout.data.channels().indexOf(name);
        Checks.checkArgument(c >= 0, "no channel '%s'; channels are %s", name, layout.data.channels());
        return c;
    }

    /**
     * The names of a parameter row's entries: {@code intercept}, {@code coef:<column>} for each design column, then
     * {@code <channel>.adstock.<name>} and {@code <channel>.saturation.<name>} for each channel.
     *
     * @return the names, as many as a row is wide
     */
    public List<String> parameterNames() {
        return layout.parameterNames;
    }

    /** @return whether the model has a point row (ridge and NNLS do; the Bayesian model does not) */
    public boolean hasPoint() {
        return point != null;
    }

    /** @return a copy of the point row, empty without one */
    public Optional<double[]> pointRow() {
        return point == null ? Optional.empty() : Optional.of(point.clone());
    }

    /**
     * The number of draws behind the interval estimates: bootstrap replicates for ridge and NNLS, posterior draws
     * for the Bayesian model, 0 for a point estimate.
     *
     * @return the number of draws
     */
    public int drawCount() {
        return nDraws;
    }

    /** @return a copy of the draws, row-major {@code draws[d * width + k]}, empty without draws */
    public Optional<double[]> drawRows() {
        return draws == null ? Optional.empty() : Optional.of(draws.clone());
    }

    /**
     * One draw as a point model (same data, frame and holdout, no draws): used to carry uncertainty through any
     * computation (scenarios, budget plans, attribution) by repeating it per draw.
     *
     * @param i the draw, in {@code [0, drawCount())}
     * @return the draw's model
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public FittedModel draw(int i) {
        Objects.checkIndex(i, nDraws);
        int w = layout.width;
        return new FittedModel(layout, Arrays.copyOfRange(draws, i * w, (i + 1) * w), null, null);
    }

    /** @return the sampler's convergence diagnostics for a sampled (Bayesian) fit, empty for other estimators */
    public Optional<SamplerDiagnostics> samplerDiagnostics() {
        return Optional.ofNullable(diagnostics);
    }

    /**
     * How much of a channel's ROI the data set rather than its prior, for a Bayesian fit under the ROI
     * parameterisation (the default): see {@link SamplerDiagnostics#roiDataWeight}.
     *
     * @param channel a channel of the model
     * @return the weight in {@code [0, 1]}, or empty for other estimators and for channels with effect priors
     * @throws IllegalArgumentException if the model has no such channel
     */
    public java.util.OptionalDouble roiDataWeight(String channel) {
        data().channelIndex(channel);
        return diagnostics == null ? java.util.OptionalDouble.empty() : diagnostics.roiDataWeight(channel);
    }

    /** @return the intercept's point estimate, in KPI units */
    public double intercept() {
        return pointParameter(0);
    }

    /** @return the point estimate of the coefficients, one per design column (see {@link #columnNames()}) */
    public double[] coefficients() {
        double[] c = new double[layout.nCoef];
        for (int j = 0; j < c.length; j++) {
            c[j] = pointParameter(1 + j);
        }
        return c;
    }

    private double pointParameter(int k) {
        if (point != null) {
            return point[k];
        }
        double s = 0;
        int w = layout.width;
        for (int d = 0; d < nDraws; d++) {
            s += draws[d * w + k];
        }
        return s / nDraws;
    }

    private ModelSpec estimateSpec() {
        ModelSpec s = layout.structure;
        int nc = layout.data.nChannels();
        List<ChannelSpec> cs = new ArrayList<>(nc);
        for (int c = 0; c < nc; c++) {
            if (point != null) {
                cs.add(rowChannels[nDraws][c]);
            } else if (nDraws == 1) {
                cs.add(rowChannels[0][c]);
            } else {
                ChannelSpec c0 = s.channels().get(c);
                double[] a = new double[c0.adstock().parameterCount()];
                double[] b = new double[c0.saturation().parameterCount()];
                for (int j = 0; j < a.length; j++) {
                    a[j] = pointParameter(layout.adstockOffset[c] + j);
                }
                for (int j = 0; j < b.length; j++) {
                    b[j] = pointParameter(layout.saturationOffset[c] + j);
                }
                cs.add(c0.withAdstock(c0.adstock().withParameters(a)).withSaturation(c0.saturation().withParameters(b)));
            }
        }
        return new ModelSpec(cs, s.trend(), s.fourierHarmonics(), s.price());
    }

    /**
     * The fitted transform parameters of every channel: the point estimate and, with draws, the interval over the
     * draws.
     *
     * @return one entry per channel and parameter, in {@link #parameterNames()} order
     */
    public List<TransformParameter> transformParameters() {
        List<TransformParameter> out = new ArrayList<>();
        int nc = layout.data.nChannels();
        for (int c = 0; c < nc; c++) {
            ChannelSpec cs = layout.structure.channels().get(c);
            List<String> an = cs.adstock().parameterNames();
            for (int j = 0; j < an.size(); j++) {
                out.add(transformParameter(cs.name(), "adstock", an.get(j), layout.adstockOffset[c] + j));
            }
            List<String> sn = cs.saturation().parameterNames();
            for (int j = 0; j < sn.size(); j++) {
                out.add(transformParameter(cs.name(), "saturation", sn.get(j), layout.saturationOffset[c] + j));
            }
        }
        return List.copyOf(out);
    }

    private TransformParameter transformParameter(String channel, String transform, String name, int k) {
        Optional<Interval> iv = Optional.empty();
        if (nDraws > 0) {
            double[] v = new double[nDraws];
            for (int d = 0; d < nDraws; d++) {
                v[d] = draws[d * layout.width + k];
            }
            double est = pointParameter(k);
            if (point != null) {
                // centred on the point, but never beyond the values the draws and the point actually took
                Interval a = Interval.around(v, layout.level, est);
                double lo = est;
                double hi = est;
                for (double x : v) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
                iv = Optional.of(new Interval(Math.max(lo, a.lower()), Math.min(hi, a.upper()), layout.level));
            } else {
                iv = Optional.of(Interval.of(v, layout.level));
            }
        }
        return new TransformParameter(channel, transform, name, pointParameter(k), iv);
    }

    // ------------------------------------------------------------------ predictions

    /**
     * Predicts the KPI for every row of {@code data}, which must have the model's channels, controls, events and
     * geos; dates may be any regular index (for example a scenario or later periods). Spend before {@code data}'s
     * first period is taken as zero.
     *
     * @param data the data to predict
     * @return the prediction per row; equal to {@code decompose(data).predicted()}
     */
    public double[] predict(MmmDataset data) {
        return decompose(data).predicted();
    }

    /**
     * Splits the point prediction for {@code data} into additive components ({@code baseline}, {@code trend},
     * {@code seasonality}, each control, each event, each channel) that sum exactly to the prediction.
     *
     * @param data the data, as for {@link #predict(MmmDataset)}
     * @return the decomposition
     */
    public Decomposition decompose(MmmDataset data) {
        Objects.requireNonNull(data, "data");
        double[] predicted = new double[data.nRows()];
        Design design = Design.of(data, spec, layout.frame);
        double[] values = decomposeValues(data, design, 0, predicted);
        return new Decomposition(data.time(), data.geos(), design.components(), values, predicted);
    }

    /**
     * The decomposition values of the rows of {@code design} (those of geos {@code geoFrom} on), {@code [row * nk +
     * k]}, with the prediction of each row into {@code predicted}.
     */
    private double[] decomposeValues(MmmDataset data, Design design, int geoFrom, double[] predicted) {
        List<String> comps = design.components();
        int nk = comps.size();
        int rows = design.rows();
        int nc = data.nChannels();
        int fm = layout.firstMedia;
        int nd = design.geoOffsetColumns();
        int nt = data.nPeriods();
        double[] values = new double[rows * nk];
        if (point != null || nDraws == 1) {
            double[] r = point != null ? point : draws;
            for (int i = 0; i < rows; i++) {
                int g = geoFrom + i / nt;
                values[i * nk] = r[0];
                // the geo offsets: only the row's own geo's (column g - 1) is non-zero, and it is 1
                if (g > 0) {
                    values[i * nk + design.componentOf(g - 1)] += layout.columnFactor(r, 0, g - 1, g) * r[g];
                }
                for (int j = nd; j < fm; j++) {
                    values[i * nk + design.componentOf(j)] += layout.columnFactor(r, 0, j, g) * r[1 + j]
                            * design.get(i, j);
                }
                for (int j = fm; j < design.cols(); j++) {
                    values[i * nk + design.componentOf(j)] += layout.geoEffect(r, 0, j - fm, g) * r[1 + j]
                            * design.get(i, j);
                }
            }
        } else {
            double icpt = pointParameter(0);
            double[] base = new double[fm];
            for (int j = 0; j < fm; j++) {
                base[j] = pointParameter(1 + j);
            }
            int geoTo = geoFrom + rows / nt;
            double[] media = meanMedia(data, geoFrom, geoTo);
            // with per-geo baseline amplitudes, the mean over draws of amplitude times coefficient, per geo
            int ngd = data.nGeos();
            double[][] baseGeo = new double[ngd][];
            for (int g = geoFrom; g < geoTo; g++) {
                baseGeo[g] = base;
                if (layout.geoEffects) {
                    baseGeo[g] = base.clone();
                    for (int j = 0; j < fm; j++) {
                        if (layout.shapeColumn[j]) {
                            double acc = 0;
                            for (int d = 0; d < nDraws; d++) {
                                int o = d * layout.width;
                                acc += layout.columnFactor(draws, o, j, g) * draws[o + 1 + j];
                            }
                            baseGeo[g][j] = acc / nDraws;
                        }
                    }
                }
            }
            for (int i = 0; i < rows; i++) {
                int g = geoFrom + i / nt;
                values[i * nk] = icpt;
                double[] bg = baseGeo[g];
                if (g > 0) {
                    values[i * nk + design.componentOf(g - 1)] += bg[g - 1];
                }
                for (int j = nd; j < fm; j++) {
                    values[i * nk + design.componentOf(j)] += bg[j] * design.get(i, j);
                }
                for (int c = 0; c < nc; c++) {
                    values[i * nk + design.componentOf(fm + c)] += media[i * nc + c];
                }
            }
        }
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int k = 0; k < nk; k++) {
                s += values[i * nk + k];
            }
            predicted[i] = s;
        }
        return values;
    }

    /** Largest number of doubles held at once for the per-draw values of {@link #decompositionBands}. */
    private static final long BAND_MEMORY = 8_000_000L;

    /**
     * The point decomposition of {@code data} with equal-tailed intervals at {@link #intervalLevel()} for every
     * component and for the prediction in every row, from the draws' decompositions (the interval of the expected
     * KPI, without observation noise). A model without draws has no intervals. Memory stays bounded: with many draws
     * on long data the rows are processed in blocks, each block recomputing the draws' decompositions.
     *
     * @param data the data, as for {@link #predict(MmmDataset)}
     * @return the decomposition and its bands
     */
    public Decomposition.Bands decompositionBands(MmmDataset data) {
        Decomposition point = decompose(data);
        if (nDraws == 0) {
            return new Decomposition.Bands(point, null, null, null, null, layout.level);
        }
        int rows = point.rows();
        int nk = point.components().size();
        double[] pointPredicted = point.predicted();
        double[] lower = new double[rows * nk];
        double[] upper = new double[rows * nk];
        double[] pLower = new double[rows];
        double[] pUpper = new double[rows];
        int block = (int) Math.max(1, Math.min(rows, BAND_MEMORY / ((long) nDraws * (nk + 1))));
        // Blocks of whole geos where they fit, so that each draw decomposes only the block's geos; a single geo
        // longer than a block is done in row blocks, each draw decomposing that geo once per block.
        int nt = data.nPeriods();
        int geosPerBlock = Math.max(1, block / nt);
        if (block < nt) {
            block = Math.max(1, block);
        } else {
            block = geosPerBlock * nt;
        }
        double[] sample = new double[nDraws];
        double[] pred = new double[Math.min(rows, Math.max(block, 2 * nt))];
        for (int from = 0; from < rows; from += block) {
            int to = Math.min(rows, from + block);
            int width = (to - from) * (nk + 1);
            int geoFrom = from / nt;
            int geoTo = (to - 1) / nt + 1;
            int base = geoFrom * nt;
            double[] v = new double[nDraws * width];
            for (int d = 0; d < nDraws; d++) {
                FittedModel one = draw(d);
                Design design = Design.of(data, one.spec, one.layout.frame, geoFrom, geoTo);
                double[] values = one.decomposeValues(data, design, geoFrom, pred);
                for (int r = from; r < to; r++) {
                    int o = d * width + (r - from) * (nk + 1);
                    for (int k = 0; k < nk; k++) {
                        v[o + k] = values[(r - base) * nk + k];
                    }
                    v[o + nk] = pred[r - base];
                }
            }
            for (int r = from; r < to; r++) {
                for (int k = 0; k <= nk; k++) {
                    int col = (r - from) * (nk + 1) + k;
                    for (int d = 0; d < nDraws; d++) {
                        sample[d] = v[d * width + col];
                    }
                    double centre = k < nk ? point.value(r, k) : pointPredicted[r];
                    Interval iv = this.point != null ? Interval.around(sample, layout.level, centre)
                            : Interval.of(sample, layout.level);
                    if (k < nk) {
                        lower[r * nk + k] = iv.lower();
                        upper[r * nk + k] = iv.upper();
                    } else {
                        pLower[r] = iv.lower();
                        pUpper[r] = iv.upper();
                    }
                }
            }
        }
        return new Decomposition.Bands(point, lower, upper, pLower, pUpper, layout.level);
    }

    /** The mean over draws of each channel's contribution per row of geos [geoFrom, geoTo): [row * C + c]. */
    private double[] meanMedia(MmmDataset data, int geoFrom, int geoTo) {
        int nt = data.nPeriods();
        int nc = data.nChannels();
        double[] scale = layout.frame.mediaScale();
        double[] acc = new double[(geoTo - geoFrom) * nt * nc];
        double[] x = new double[nt];
        double[] level = new double[nt];
        double[] out = new double[nt];
        int w = layout.width;
        for (int d = 0; d < nDraws; d++) {
            for (int c = 0; c < nc; c++) {
                ChannelSpec cs = rowChannels[d][c];
                double beta0 = draws[d * w + 1 + layout.firstMedia + c];
                for (int g = geoFrom; g < geoTo; g++) {
                    double size = layout.frame.geoSize(g);
                    double beta = beta0 * layout.geoEffect(draws, d * w, c, g) * size;
                    double unit = scale[c] * size;
                    for (int t = 0; t < nt; t++) {
                        x[t] = data.spend(g * nt + t, c) / unit;
                    }
                    cs.adstock().apply(x, nt, level);
                    cs.saturation().apply(level, nt, out);
                    for (int t = 0; t < nt; t++) {
                        acc[((g - geoFrom) * nt + t) * nc + c] += beta * out[t];
                    }
                }
            }
        }
        for (int i = 0; i < acc.length; i++) {
            acc[i] /= nDraws;
        }
        return acc;
    }

    // ------------------------------------------------------------------ channels

    /**
     * Per channel: spend, contribution, share, ROI and marginal ROI over the whole data window (training and
     * holdout periods, every geo), point estimates as the class comment defines them, with intervals over the draws.
     *
     * @return one summary per channel, in channel order
     */
    public List<ChannelSummary> channels() {
        return summaries().channels();
    }

    /**
     * @param name a channel's name
     * @return its summary
     * @throws IllegalArgumentException if there is no such channel
     */
    public ChannelSummary channel(String name) {
        return channels().get(channelIndex(name));
    }

    /** @return fit measures of the point prediction on the training periods */
    public FitMetrics trainMetrics() {
        return summaries().train();
    }

    /** @return fit measures of the point prediction on the holdout periods, empty without a holdout */
    public Optional<FitMetrics> testMetrics() {
        return Optional.ofNullable(summaries().test());
    }

    /** Joins a channel and a geo in the name of a {@link #byGeo()} channel: {@code " @ "}. */
    public static final String CELL_CHANNEL_SEPARATOR = " @ ";

    /**
     * The same model with one channel per channel and geo: channel {@code c} in geo {@code g} becomes
     * {@code CHANNEL @ GEO} ({@link #CELL_CHANNEL_SEPARATOR}), whose spend is the channel's spend in that geo and zero
     * elsewhere, with the channel's coefficient, transforms and (for a hierarchical model) geo multipliers, draw by
     * draw. Every prediction, contribution and response is the original model's; a channel's contribution is the sum
     * of its geos'. This is how a budget is planned over channel x region: the planner allocates over these channels,
     * with each original channel and each geo a group.
     *
     * @return the model over {@code C x G} channels, channel-major ({@code c * G + g})
     * @throws IllegalArgumentException on national data, or if a channel's name already contains the separator
     */
    public FittedModel byGeo() {
        MmmDataset data = layout.data;
        int nc = data.nChannels();
        int ng = data.nGeos();
        Checks.checkArgument(ng > 1, "byGeo needs a panel; the data has one geo");
        int rows = data.nRows();
        int nt = data.nPeriods();
        MmmDataset.Builder b = MmmDataset.builder(data.time()).geos(data.geos()).kpi(data.kpiName(), data.kpi())
                .allowUnfundedChannels();
        data.populations().ifPresent(b::population);
        List<ChannelSpec> cs = new ArrayList<>();
        double[] scale = new double[nc * ng];
        double[] frameScale = layout.frame.mediaScale();
        for (int c = 0; c < nc; c++) {
            String name = data.channels().get(c);
            Checks.checkArgument(!name.contains(CELL_CHANNEL_SEPARATOR), "channel '%s' contains '%s', which byGeo "
                    + "uses to join channel and geo", name, CELL_CHANNEL_SEPARATOR);
            ChannelSpec orig = layout.structure.channels().get(c);
            for (int g = 0; g < ng; g++) {
                double[] sp = new double[rows];
                for (int t = 0; t < nt; t++) {
                    sp[g * nt + t] = data.spend(g * nt + t, c);
                }
                String v = name + CELL_CHANNEL_SEPARATOR + data.geos().get(g);
                b.channel(v, sp);
                cs.add(new ChannelSpec(v, orig.adstock(), orig.saturation()));
                scale[c * ng + g] = frameScale[c];
            }
        }
        for (int k = 0; k < data.nControls(); k++) {
            b.control(data.controls().get(k), data.controlColumn(k));
        }
        for (int e = 0; e < data.nEvents(); e++) {
            b.event(data.events().get(e), data.eventColumn(e));
        }
        MmmDataset cells = b.build();
        Design.Frame f = layout.frame;
        Design.Frame frame = new Design.Frame(f.origin(), scale, f.geos(), f.geoLevel(), f.geoSize(),
                f.priceReference());
        ModelSpec spec = new ModelSpec(cs, layout.structure.trend(), layout.structure.fourierHarmonics(),
                layout.structure.price());
        Layout to = new Layout(layout.estimator, spec, cells, layout.holdout, frame, layout.level, layout.provenance,
                layout.geoEffects);
        double[] p = point == null ? null : cellRow(point, 0, to);
        double[] d = null;
        if (draws != null) {
            d = new double[nDraws * to.width];
            for (int r = 0; r < nDraws; r++) {
                System.arraycopy(cellRow(draws, r * layout.width, to), 0, d, r * to.width, to.width);
            }
        }
        return new FittedModel(to, p, d, diagnostics);
    }

    /** One parameter row of this model rewritten for the {@link #byGeo()} layout {@code to}. */
    private double[] cellRow(double[] rows, int offset, Layout to) {
        int nc = layout.data.nChannels();
        int ng = layout.data.nGeos();
        double[] out = new double[to.width];
        // intercept and the non-media coefficients are the same columns in both designs
        System.arraycopy(rows, offset, out, 0, 1 + layout.firstMedia);
        for (int c = 0; c < nc; c++) {
            int na = layout.saturationOffset[c] - layout.adstockOffset[c];
            int ns = (c + 1 < nc ? layout.adstockOffset[c + 1] : layout.geoOffset) - layout.saturationOffset[c];
            for (int g = 0; g < ng; g++) {
                int v = c * ng + g;
                out[1 + to.firstMedia + v] = rows[offset + 1 + layout.firstMedia + c];
                System.arraycopy(rows, offset + layout.adstockOffset[c], out, to.adstockOffset[v], na);
                System.arraycopy(rows, offset + layout.saturationOffset[c], out, to.saturationOffset[v], ns);
                if (layout.geoEffects) {
                    for (int gg = 0; gg < ng; gg++) {
                        out[to.geoOffset + v * ng + gg] = rows[offset + layout.geoOffset + c * ng + gg];
                    }
                }
            }
        }
        if (layout.geoEffects) {
            System.arraycopy(rows, offset + layout.geoOffset + nc * ng, out, to.geoOffset + nc * ng * ng, ng);
        }
        return out;
    }

    /**
     * The price elasticities of the baseline ({@link ModelSpec.Price}), one per price group (brand, or {@code all}):
     * for each parameter row, the group's price coefficient times the group's summed level over its summed fitted
     * baseline (intercept, geo offsets, trend and seasonality) on the training rows, so the intervals come from the
     * draws of that ratio, never from a ratio of point estimates.
     *
     * @return one per price group in order of first appearance; empty for a model without price
     */
    public List<PriceElasticity> priceElasticities() {
        List<PriceElasticity> e = elasticities;
        if (e == null) {
            e = computePriceElasticities();
            elasticities = e;
        }
        return e;
    }

    private List<PriceElasticity> computePriceElasticities() {
        ModelSpec.Price price = spec.price();
        if (price == null) {
            return List.of();
        }
        MmmDataset data = layout.data;
        Design design = Design.of(data, spec, layout.frame);
        int nt = data.nPeriods();
        int ng = data.nGeos();
        int nTrain = nt - layout.holdout;
        int[] groupOf = new int[ng];
        List<String> groups = Design.priceGroups(data.geos(), price, groupOf);
        int nb = groups.size();
        int first = design.columnNames().indexOf(nb == 1 ? price.control() : price.control() + ":" + groups.get(0));
        int fm = layout.firstMedia;
        List<String> comps = design.components();
        // per geo, each baseline column's sum over the training rows
        double[][] colSum = new double[ng][fm];
        boolean[] baseCol = new boolean[fm];
        for (int j = 0; j < fm; j++) {
            String comp = comps.get(design.componentOf(j));
            baseCol[j] = comp.equals("baseline") || comp.equals("trend") || comp.equals("seasonality");
        }
        double[] levelSum = new double[nb];
        double[] level = layout.frame.geoLevel();
        for (int g = 0; g < ng; g++) {
            levelSum[groupOf[g]] += level[g] * nTrain;
            for (int t = 0; t < nTrain; t++) {
                for (int j = 0; j < fm; j++) {
                    if (baseCol[j]) {
                        colSum[g][j] += design.get(g * nt + t, j);
                    }
                }
            }
        }
        double[][] perDraw = new double[nDraws][];
        for (int d = 0; d < nDraws; d++) {
            perDraw[d] = elasticities(draws, d * layout.width, groupOf, nb, first, colSum, baseCol, levelSum, nTrain);
        }
        double[] pt = point != null
                ? elasticities(point, 0, groupOf, nb, first, colSum, baseCol, levelSum, nTrain) : new double[nb];
        String caveat = "";
        if (nb > 1 && nDraws > 1 && pooledPanel()) {
            double p = mediaByGroupPValue(design, data.kpi(), nt, nTrain, groupOf, nb, fm);
            // NaN: the test could not be formed (no column added, no residual degrees of freedom); nothing found
            if (p < MEDIA_BY_GROUP_LEVEL) {
                caveat = String.format(java.util.Locale.ROOT, "no interval: the brands' media effects differ (F test "
                        + "%s) and this model has one effect per channel for every brand, so it splits each brand's "
                        + "sales between media and baseline with an effect that is not the brand's; the elasticity "
                        + "may then be off by more than the interval of its draws would show. The hierarchical "
                        + "Bayesian model, with an effect per cell, gives one.",
                        p < 0.001 ? "p < 0.001" : String.format(java.util.Locale.ROOT, "p = %.3f", p));
            }
        }
        List<PriceElasticity> out = new ArrayList<>();
        for (int b = 0; b < nb; b++) {
            double[] sample = new double[nDraws];
            int k = 0;
            double sum = 0;
            for (double[] e : perDraw) {
                if (Double.isFinite(e[b])) {
                    sample[k++] = e[b];
                    sum += e[b];
                }
            }
            double est = point != null ? pt[b] : k == nDraws && k > 0 ? sum / k : Double.NaN;
            Optional<Interval> iv = Optional.empty();
            if (k == nDraws && k > 1 && Double.isFinite(est) && caveat.isEmpty()) {
                iv = Optional.of(point != null ? Interval.around(sample, layout.level, est)
                        : Interval.of(sample, layout.level));
            }
            out.add(new PriceElasticity(groups.get(b), est, iv, caveat));
        }
        return List.copyOf(out);
    }

    /**
     * Level of {@link #mediaByGroupPValue}'s test below which a pooled model's per-brand elasticities get no
     * interval.
     */
    static final double MEDIA_BY_GROUP_LEVEL = 0.01;

    /**
     * A specification check for the per-brand price elasticities of a model with one media effect per channel for
     * every geo. Each brand's elasticity is its price coefficient over its fitted baseline, and the baseline is what
     * the pooled media effects leave: where brands' media effects differ (a larger brand often earns more per unit of
     * spend), the pooled effect gives one brand too little media and too much baseline and another the reverse, and
     * the bootstrap, which re-fits the same pooled model, cannot show that bias. On the brand x region process of
     * {@code BrandRegionProcess} (media effects proportional to the brand's level) ridge's 90% intervals held 25 of
     * 60 brand elasticities, with biases of +0.11 and -0.13.
     *
     * <p>The check is the classical F test of nested least-squares fits on the training rows: the model's own design
     * (with its intercept) against the same design with each media column split by price group (Chow 1960, the test
     * of equal coefficients across groups). The test assumes one error variance, and geos of different sizes and
     * brands of different levels have different noise, so it is run as feasible weighted least squares: a first,
     * unweighted fit of the split design gives each geo's residual standard deviation, and the test is then made with
     * each geo's rows weighted by its inverse. Residuals that are correlated over time make the test reject more
     * often than its level; that errs toward saying less.
     *
     * @return the p-value, or NaN when the test cannot be formed (the split adds no column, no residual degrees of
     *     freedom, or an exact fit)
     */
    static double mediaByGroupPValue(Design design, double[] y, int nt, int nTrain, int[] groupOf, int nb, int fm) {
        int ng = groupOf.length;
        double[] weight = new double[ng];
        Arrays.fill(weight, 1.0);
        double[] first = nestedFit(design, y, nt, nTrain, groupOf, nb, fm, weight);
        if (first == null) {
            return Double.NaN;
        }
        // first[3 + i]: the split fit's residuals; each geo's standard deviation of them
        double pooled = 0;
        for (int g = 0; g < ng; g++) {
            double ss = 0;
            for (int t = 0; t < nTrain; t++) {
                double e = first[3 + g * nTrain + t];
                ss += e * e;
            }
            weight[g] = Math.sqrt(ss / nTrain);
            pooled += ss;
        }
        double floor = 1e-6 * Math.sqrt(pooled / (ng * nTrain));
        for (int g = 0; g < ng; g++) {
            weight[g] = 1 / Math.max(weight[g], floor);
        }
        double[] second = nestedFit(design, y, nt, nTrain, groupOf, nb, fm, weight);
        if (second == null) {
            return Double.NaN;
        }
        double rss0 = second[0];
        double rss1 = second[1];
        int q = (int) second[2];
        int df = ng * nTrain - (int) second[3 + ng * nTrain];
        if (df <= 0) {
            return Double.NaN;
        }
        double f = Math.max(0, (rss0 - rss1) / q) / (rss1 / df);
        return 1 - new org.hipparchus.distribution.continuous.FDistribution(q, df).cumulativeProbability(f);
    }

    /**
     * The two nested weighted least-squares fits of {@link #mediaByGroupPValue}, by modified Gram-Schmidt: each geo's
     * rows (training periods) and KPI multiplied by {@code weight[g]}.
     *
     * @return {@code {rss0, rss1, q, residuals of the split fit (n), rank of the split design}}, or null when the
     *     split adds no column or the split fit is exact
     */
    private static double[] nestedFit(Design design, double[] y, int nt, int nTrain, int[] groupOf, int nb, int fm,
            double[] weight) {
        int ng = groupOf.length;
        int n = ng * nTrain;
        double[] r = new double[n];
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < nTrain; t++) {
                r[g * nTrain + t] = weight[g] * y[g * nt + t];
            }
        }
        List<double[]> basis = new ArrayList<>();
        int cols = design.cols();
        double[] v = new double[n];
        for (int g = 0; g < ng; g++) {
            Arrays.fill(v, g * nTrain, (g + 1) * nTrain, weight[g]);
        }
        project(v, basis, r); // the intercept, which the design leaves out
        for (int j = 0; j < cols; j++) {
            for (int g = 0; g < ng; g++) {
                for (int t = 0; t < nTrain; t++) {
                    v[g * nTrain + t] = weight[g] * design.get(g * nt + t, j);
                }
            }
            project(v, basis, r);
        }
        int p0 = basis.size();
        double rss0 = dot(r, r);
        for (int j = fm; j < cols; j++) {
            for (int b = 1; b < nb; b++) {
                for (int g = 0; g < ng; g++) {
                    for (int t = 0; t < nTrain; t++) {
                        v[g * nTrain + t] = groupOf[g] == b ? weight[g] * design.get(g * nt + t, j) : 0.0;
                    }
                }
                project(v, basis, r);
            }
        }
        int q = basis.size() - p0;
        double rss1 = dot(r, r);
        if (q == 0 || !(rss1 > 0)) {
            return null;
        }
        double[] out = new double[4 + n];
        out[0] = rss0;
        out[1] = rss1;
        out[2] = q;
        for (int i = 0; i < n; i++) {
            out[3 + i] = r[i] / weight[i / nTrain];
        }
        out[3 + n] = basis.size();
        return out;
    }

    /**
     * One step of modified Gram-Schmidt, twice for orthogonality: removes the basis from {@code v}, adds it to the
     * basis when what is left is not negligible (a column the basis already spans adds nothing), and removes it
     * from the residual {@code r}. {@code v} is overwritten.
     */
    private static void project(double[] v, List<double[]> basis, double[] r) {
        double norm0 = Math.sqrt(dot(v, v));
        if (!(norm0 > 0)) {
            return;
        }
        for (int pass = 0; pass < 2; pass++) {
            for (double[] q : basis) {
                double a = dot(q, v);
                for (int i = 0; i < v.length; i++) {
                    v[i] -= a * q[i];
                }
            }
        }
        double norm = Math.sqrt(dot(v, v));
        if (norm <= 1e-9 * norm0) {
            return;
        }
        double[] q = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            q[i] = v[i] / norm;
        }
        basis.add(q);
        double a = dot(q, r);
        for (int i = 0; i < r.length; i++) {
            r[i] -= a * q[i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private double[] elasticities(double[] rows, int offset, int[] groupOf, int nb, int first, double[][] colSum,
            boolean[] baseCol, double[] levelSum, int nTrain) {
        double[] base = new double[nb];
        for (int g = 0; g < groupOf.length; g++) {
            double b = rows[offset] * nTrain;
            for (int j = 0; j < baseCol.length; j++) {
                if (baseCol[j]) {
                    b += layout.columnFactor(rows, offset, j, g) * rows[offset + 1 + j] * colSum[g][j];
                }
            }
            base[groupOf[g]] += b;
        }
        double[] e = new double[nb];
        for (int b = 0; b < nb; b++) {
            e[b] = base[b] > 0 ? rows[offset + 1 + first + b] * levelSum[b] / base[b] : Double.NaN;
        }
        return e;
    }

    /**
     * On a panel, fit measures of the total over geos: per training period the KPI summed over geos against the
     * point prediction summed over geos. This is the "national" level of Google Meridian's goodness-of-fit table;
     * {@link #trainMetrics()} is its geo level. Noise that is independent between geos averages out in the total,
     * so on a panel of many geos the total's MAPE is far below the per-row MAPE of the same model.
     *
     * @return the total's training fit measures; empty on national data
     */
    public Optional<FitMetrics> totalTrainMetrics() {
        return Optional.ofNullable(summaries().totalTrain());
    }

    /** @return as {@link #totalTrainMetrics()} on the holdout periods; empty on national data or without holdout */
    public Optional<FitMetrics> totalTestMetrics() {
        return Optional.ofNullable(summaries().totalTest());
    }

    private Summaries summaries() {
        Summaries s = summaries;
        if (s == null) {
            synchronized (this) {
                s = summaries;
                if (s == null) {
                    s = computeSummaries();
                    summaries = s;
                }
            }
        }
        return s;
    }

    private Summaries computeSummaries() {
        MmmDataset data = layout.data;
        int nc = data.nChannels();
        double[][] perDraw = new double[nDraws][];
        for (int d = 0; d < nDraws; d++) {
            perDraw[d] = effects(d, draws, d * layout.width);
        }
        double[] pt = point != null ? effects(nDraws, point, 0) : meanEffects(perDraw, nc);
        List<ChannelSummary> out = summarize(pt, perDraw, layout.totalSpend);
        double[] p = predict(data);
        int nt = data.nPeriods();
        int nTrain = nt - layout.holdout;
        double[] y = data.kpi();
        FitMetrics train = FitMetrics.of(rows(y, 0, nTrain), rows(p, 0, nTrain), layout.nCoef);
        FitMetrics test = layout.holdout == 0 ? null
                : FitMetrics.of(rows(y, nTrain, nt), rows(p, nTrain, nt), layout.nCoef);
        FitMetrics totalTrain = null;
        FitMetrics totalTest = null;
        if (data.nGeos() > 1) {
            double[] ys = sumOverGeos(y);
            double[] ps = sumOverGeos(p);
            totalTrain = FitMetrics.of(Arrays.copyOfRange(ys, 0, nTrain), Arrays.copyOfRange(ps, 0, nTrain),
                    layout.nCoef);
            totalTest = layout.holdout == 0 ? null
                    : FitMetrics.of(Arrays.copyOfRange(ys, nTrain, nt), Arrays.copyOfRange(ps, nTrain, nt),
                            layout.nCoef);
        }
        return new Summaries(List.copyOf(out), train, test, totalTrain, totalTest);
    }

    /** Per period, the sum over geos of a row-ordered vector (geo-major blocks of periods). */
    private double[] sumOverGeos(double[] v) {
        int nt = layout.data.nPeriods();
        double[] out = new double[nt];
        for (int g = 0; g < layout.data.nGeos(); g++) {
            for (int t = 0; t < nt; t++) {
                out[t] += v[g * nt + t];
            }
        }
        return out;
    }

    /**
     * The mean over draws of per-draw quantities [Q * c + q], with the share's point estimate the point
     * contribution's share of the point media total, as in the decomposition and the attribution (the mean of
     * per-draw shares is a ratio of other means).
     */
    private static double[] meanEffects(double[][] perDraw, int nc) {
        double[] pt = new double[Q * nc];
        for (double[] e : perDraw) {
            for (int k = 0; k < pt.length; k++) {
                pt[k] += e[k];
            }
        }
        for (int k = 0; k < pt.length; k++) {
            pt[k] /= perDraw.length;
        }
        double total = 0;
        for (int c = 0; c < nc; c++) {
            total += pt[Q * c];
        }
        for (int c = 0; c < nc; c++) {
            pt[Q * c + 1] = total == 0 ? 0 : pt[Q * c] / total;
        }
        return pt;
    }

    /** Channel summaries from point quantities [Q * c + q] and per-draw ones, with intervals over the draws. */
    private List<ChannelSummary> summarize(double[] pt, double[][] perDraw, double[] spend) {
        int nc = spend.length;
        List<ChannelSummary> out = new ArrayList<>(nc);
        double[] sample = new double[nDraws];
        for (int c = 0; c < nc; c++) {
            String name = layout.data.channels().get(c);
            int o = Q * c;
            if (nDraws == 0 || perDraw == null) {
                out.add(new ChannelSummary(name, spend[c], pt[o], pt[o + 1], pt[o + 2], pt[o + 3]));
                continue;
            }
            Interval[] iv = new Interval[Q];
            for (int q = 0; q < Q; q++) {
                for (int d = 0; d < nDraws; d++) {
                    sample[d] = perDraw[d][o + q];
                }
                iv[q] = point != null ? Interval.around(sample, layout.level, pt[o + q])
                        : Interval.of(sample, layout.level);
            }
            out.add(new ChannelSummary(name, spend[c], pt[o], pt[o + 1], pt[o + 2], pt[o + 3],
                    Optional.of(iv[0]), Optional.of(iv[1]), Optional.of(iv[2]), Optional.of(iv[3])));
        }
        return List.copyOf(out);
    }

    private double[] rows(double[] v, int from, int to) {
        int nt = layout.data.nPeriods();
        int ng = layout.data.nGeos();
        double[] out = new double[(to - from) * ng];
        for (int g = 0; g < ng; g++) {
            System.arraycopy(v, g * nt + from, out, g * (to - from), to - from);
        }
        return out;
    }

    /**
     * Per channel (contribution, share, roi, mroi) over the data window for parameter row {@code r} (its channel
     * specs in {@code rowChannels[r]}, its numbers at {@code rows[offset..]}).
     */
    private double[] effects(int r, double[] rows, int offset) {
        return effects(r, rows, offset, null);
    }

    /**
     * As {@link #effects(int, double[], int)}; when {@code perGeo} is not null it also receives the same four
     * quantities per geo at {@code ((g * C + c) * Q + q)}, the share being within the geo and a geo without spend
     * on a channel having ROI and marginal ROI 0.
     */
    private double[] effects(int r, double[] rows, int offset, double[] perGeo) {
        MmmDataset data = layout.data;
        int nc = data.nChannels();
        int nt = data.nPeriods();
        int ng = data.nGeos();
        double[] scale = layout.frame.mediaScale();
        double[] x = new double[nt];
        double[] level = new double[nt];
        double[] sat = new double[nt];
        double[] e = new double[Q * nc];
        double total = 0;
        for (int c = 0; c < nc; c++) {
            ChannelSpec cs = rowChannels[r][c];
            double colSum = 0;
            double dScale = 0;
            double beta = rows[offset + 1 + layout.firstMedia + c];
            for (int g = 0; g < ng; g++) {
                // the geo's effect multiplier times its population size (both exactly 1 when absent)
                double size = layout.frame.geoSize(g);
                double m = layout.geoEffect(rows, offset, c, g) * size;
                double unit = scale[c] * size;
                double spendG = 0;
                for (int t = 0; t < nt; t++) {
                    double sp = data.spend(g * nt + t, c);
                    spendG += sp;
                    x[t] = sp / unit;
                }
                cs.adstock().apply(x, nt, level);
                cs.saturation().apply(level, nt, sat);
                double gSum = 0;
                double gD = 0;
                for (int t = 0; t < nt; t++) {
                    // m is exactly 1 without per-geo effects, so the running totals are unchanged by it
                    colSum += m * sat[t];
                    gSum += sat[t];
                    // At a zero level sat(0 * (1 + e)) = sat(0) for every e, so the term is exactly 0 (and sat'(0)
                    // may be infinite for a Hill slope below 1).
                    if (level[t] != 0) {
                        double dv = cs.saturation().derivative(level[t]) * level[t];
                        dScale += m * dv;
                        gD += dv;
                    }
                }
                if (perGeo != null) {
                    int o = (g * nc + c) * Q;
                    perGeo[o] = beta * m * gSum;
                    perGeo[o + 2] = spendG > 0 ? perGeo[o] / spendG : 0;
                    perGeo[o + 3] = spendG > 0 ? beta * m * gD / spendG : 0;
                }
            }
            e[Q * c] = beta * colSum;
            e[Q * c + 3] = beta * dScale / layout.totalSpend[c];
            total += e[Q * c];
        }
        for (int c = 0; c < nc; c++) {
            e[Q * c + 1] = total == 0 ? 0 : e[Q * c] / total;
            e[Q * c + 2] = e[Q * c] / layout.totalSpend[c];
        }
        if (perGeo != null) {
            for (int g = 0; g < ng; g++) {
                double tg = 0;
                for (int c = 0; c < nc; c++) {
                    tg += perGeo[(g * nc + c) * Q];
                }
                for (int c = 0; c < nc; c++) {
                    int o = (g * nc + c) * Q;
                    perGeo[o + 1] = tg == 0 ? 0 : perGeo[o] / tg;
                }
            }
        }
        return e;
    }

    /**
     * Per geo and channel: spend, contribution, share (within the geo), ROI and marginal ROI over the data window,
     * with intervals over the draws, computed draw by draw from each draw's own per-geo quantities (never by
     * averaging point estimates), the point estimate defined as for {@link #channels()}. A channel without spend in
     * a geo has ROI and marginal ROI 0 there (undefined: results.json writes null). For a model with
     * {@link #hasGeoEffects() per-geo effects} the geos differ in their effect multipliers; for a pooled model only in
     * spend level and carryover, and on data with several geos its per-geo summaries have no intervals (one effect
     * per channel cannot say how much geos differ, so its per-geo intervals under-cover wherever they do).
     *
     * @return for each geo in {@link MmmDataset#geos()} order, one summary per channel in channel order
     */
    public List<List<ChannelSummary>> geoChannels() {
        List<List<ChannelSummary>> g = geoSummaries;
        if (g == null) {
            synchronized (this) {
                g = geoSummaries;
                if (g == null) {
                    g = computeGeoSummaries();
                    geoSummaries = g;
                }
            }
        }
        return g;
    }

    /** Every draw's per-geo quantities, {@code [d * G C Q + (g C + c) Q + q]}; computed on first use. */
    private double[] geoEffectDraws() {
        java.lang.ref.SoftReference<double[]> ref = geoEffectDraws;
        double[] a = ref == null ? null : ref.get();
        if (a == null) {
            synchronized (this) {
                ref = geoEffectDraws;
                a = ref == null ? null : ref.get();
                if (a == null) {
                    MmmDataset data = layout.data;
                    int width = data.nGeos() * data.nChannels() * Q;
                    a = new double[nDraws * width];
                    double[] tmp = new double[width];
                    for (int d = 0; d < nDraws; d++) {
                        effects(d, draws, d * layout.width, tmp);
                        System.arraycopy(tmp, 0, a, d * width, width);
                    }
                    geoEffectDraws = new java.lang.ref.SoftReference<>(a);
                }
            }
        }
        return a;
    }

    private List<List<ChannelSummary>> computeGeoSummaries() {
        MmmDataset data = layout.data;
        int nc = data.nChannels();
        int ng = data.nGeos();
        int width = ng * nc * Q;
        double[] perDraw = geoEffectDraws();
        double[] pt = new double[width];
        if (point != null) {
            effects(nDraws, point, 0, pt);
        } else {
            for (int d = 0; d < nDraws; d++) {
                for (int k = 0; k < width; k++) {
                    pt[k] += perDraw[d * width + k];
                }
            }
            for (int k = 0; k < width; k++) {
                pt[k] /= nDraws;
            }
            for (int g = 0; g < ng; g++) {
                double total = 0;
                for (int c = 0; c < nc; c++) {
                    total += pt[(g * nc + c) * Q];
                }
                for (int c = 0; c < nc; c++) {
                    pt[(g * nc + c) * Q + 1] = total == 0 ? 0 : pt[(g * nc + c) * Q] / total;
                }
            }
        }
        int nt = data.nPeriods();
        double[] sample = new double[nDraws];
        List<List<ChannelSummary>> out = new ArrayList<>(ng);
        for (int g = 0; g < ng; g++) {
            List<ChannelSummary> geo = new ArrayList<>(nc);
            for (int c = 0; c < nc; c++) {
                String name = data.channels().get(c);
                double sp = 0;
                for (int t = 0; t < nt; t++) {
                    sp += data.spend(g * nt + t, c);
                }
                int o = (g * nc + c) * Q;
                if (nDraws == 0 || pooledPanel()) {
                    geo.add(new ChannelSummary(name, sp, pt[o], pt[o + 1], pt[o + 2], pt[o + 3]));
                    continue;
                }
                Interval[] iv = new Interval[Q];
                for (int q = 0; q < Q; q++) {
                    for (int d = 0; d < nDraws; d++) {
                        sample[d] = perDraw[d * width + o + q];
                    }
                    iv[q] = point != null ? Interval.around(sample, layout.level, pt[o + q])
                            : Interval.of(sample, layout.level);
                }
                geo.add(new ChannelSummary(name, sp, pt[o], pt[o + 1], pt[o + 2], pt[o + 3],
                        Optional.of(iv[0]), Optional.of(iv[1]), Optional.of(iv[2]), Optional.of(iv[3])));
            }
            out.add(List.copyOf(geo));
        }
        return List.copyOf(out);
    }

    /**
     * Per channel: spend, contribution, share, ROI and marginal ROI summed over a set of geos (a brand's cells, a
     * region's cells, any grouping), each computed draw by draw from the draws' per-geo quantities and summarised as
     * {@link #channels()} is (never by adding or averaging point estimates). Over all geos this equals
     * {@link #channels()} up to rounding. For a pooled model (no {@link #hasGeoEffects() per-geo effects}) on data
     * with several geos, a proper subset of the geos gets point estimates without intervals, as in
     * {@link #geoChannels()}.
     *
     * @param geos (input) not modified; geo names from {@link MmmDataset#geos()}, at least one, no repeats
     * @return one summary per channel, in channel order
     * @throws IllegalArgumentException if a name is not a geo of the model, repeats, or none is given
     */
    public List<ChannelSummary> channelsOver(java.util.Collection<String> geos) {
        MmmDataset data = layout.data;
        Checks.checkArgument(!geos.isEmpty(), "no geos given");
        boolean[] in = new boolean[data.nGeos()];
        for (String g : geos) {
            int k = data.geos().indexOf(g);
            Checks.checkArgument(k >= 0, "no geo '%s'; geos are %s", g, data.geos());
            Checks.checkArgument(!in[k], "geo '%s' is given twice", g);
            in[k] = true;
        }
        int nc = data.nChannels();
        int ng = data.nGeos();
        int nt = data.nPeriods();
        double[] spend = new double[nc];
        double[][] geoSpend = new double[ng][nc];
        for (int g = 0; g < ng; g++) {
            for (int c = 0; c < nc; c++) {
                for (int t = 0; t < nt; t++) {
                    geoSpend[g][c] += data.spend(g * nt + t, c);
                }
                if (in[g]) {
                    spend[c] += geoSpend[g][c];
                }
            }
        }
        int width = ng * nc * Q;
        double[] tmp = new double[width];
        double[] all = geoEffectDraws();
        double[][] perDraw = new double[nDraws][];
        for (int d = 0; d < nDraws; d++) {
            System.arraycopy(all, d * width, tmp, 0, width);
            perDraw[d] = aggregate(tmp, in, geoSpend, spend);
        }
        double[] pt;
        if (point != null) {
            effects(nDraws, point, 0, tmp);
            pt = aggregate(tmp, in, geoSpend, spend);
        } else {
            pt = meanEffects(perDraw, nc);
        }
        boolean part = geos.size() < ng;
        return summarize(pt, part && pooledPanel() ? null : perDraw, spend);
    }

    /**
     * Whether this is a model without per-geo effects on data with several geos: its per-geo (and per-group)
     * quantities then differ only through each geo's spend, since one effect per channel serves every geo. Their
     * draws carry only the uncertainty of that shared effect, not how much geos really differ, so they are reported
     * without intervals: on panels whose geos differ, such 90% intervals held the true per-geo ROI 33% to 47% of the
     * time for ridge and 64% to 69% for the pooled Bayesian model (README, the hierarchical model's recovery table).
     * The totals over all geos keep theirs.
     */
    private boolean pooledPanel() {
        return !layout.geoEffects && layout.data.nGeos() > 1;
    }

    /** Sums one row's per-geo quantities over the chosen geos: [Q * c + q] as {@link #effects}. */
    private static double[] aggregate(double[] perGeo, boolean[] in, double[][] geoSpend, double[] spend) {
        int nc = spend.length;
        double[] e = new double[Q * nc];
        double total = 0;
        for (int c = 0; c < nc; c++) {
            double contribution = 0;
            double marginal = 0;
            for (int g = 0; g < in.length; g++) {
                if (in[g]) {
                    int o = (g * nc + c) * Q;
                    contribution += perGeo[o];
                    // perGeo holds the marginal ROI per unit of the geo's spend: back to KPI per unit of scaling
                    marginal += perGeo[o + 3] * geoSpend[g][c];
                }
            }
            e[Q * c] = contribution;
            e[Q * c + 2] = spend[c] > 0 ? contribution / spend[c] : 0;
            e[Q * c + 3] = spend[c] > 0 ? marginal / spend[c] : 0;
            total += contribution;
        }
        for (int c = 0; c < nc; c++) {
            e[Q * c + 1] = total == 0 ? 0 : e[Q * c] / total;
        }
        return e;
    }

    /** @return whether the model has per-channel, per-geo effect multipliers (a hierarchical model) */
    public boolean hasGeoEffects() {
        return layout.geoEffects;
    }

    /**
     * The point estimate of channel {@code c}'s effect multiplier in geo {@code g}: its coefficient there is
     * {@code geoEffect(c, g) * coefficients()[firstMedia + c]}. Exactly 1 for a model without per-geo effects.
     * For a model with draws and no point row this is the mean multiplier over the draws.
     *
     * @param channel the channel index
     * @param geo the geo index
     * @return the multiplier
     */
    public double geoEffect(int channel, int geo) {
        Objects.checkIndex(channel, layout.data.nChannels());
        Objects.checkIndex(geo, layout.data.nGeos());
        if (!layout.geoEffects) {
            return 1.0;
        }
        return pointParameter(layout.geoOffset + channel * layout.data.nGeos() + geo);
    }

    /**
     * The point estimate of geo {@code g}'s baseline amplitude: its trend and seasonality columns are multiplied by
     * it (on top of the frame's {@link Design.Frame#geoLevel() geo level}). Exactly 1 for a model without per-geo
     * effects; for a model with draws and no point row, the mean over the draws.
     *
     * @param geo the geo index
     * @return the amplitude
     */
    public double geoBaselineScale(int geo) {
        Objects.checkIndex(geo, layout.data.nGeos());
        if (!layout.geoEffects) {
            return 1.0;
        }
        return pointParameter(layout.geoOffset + layout.data.nChannels() * layout.data.nGeos() + geo);
    }

    /**
     * @param column a design column index
     * @return whether the column is a trend or seasonality column (scaled by {@link #geoBaselineScale(int)})
     */
    public boolean isShapeColumn(int column) {
        Objects.checkIndex(column, layout.nCoef);
        return layout.shapeColumn[column];
    }

    // ------------------------------------------------------------------ response

    /**
     * The {@link #belowObservedShare(int)} from which a channel's ROI is said to rest on the part of its response
     * curve the data never show (the "always on" note of {@code fit} and {@code auto}).
     */
    public static final double ALWAYS_ON_SHARE = 0.25;

    /**
     * How much of a channel's response at its average spend per period comes from spend below its lowest regular
     * level, which the data never show: {@code response(q05) / response(mean)}, where {@code q05} is the 5% quantile
     * (the lower order statistic) of the channel's spend per period over the model's training periods and
     * {@code mean} its mean, both through the steady-state response of {@link #response(int, double)}. It is 0 for a
     * channel that is off in at least 5% of the periods (flighted, pulsed, go-dark tests), whose ROI the data measure
     * down to zero spend. On a panel each geo is taken on its own spend, since each geo's response curve sees its own
     * spend: the share is {@code sum_g response_g(q05_g) / sum_g response_g(mean_g)}, with {@code q05_g = 0} counting
     * nothing. A channel that goes dark in some weeks in each geo at different times is then measured from zero,
     * although its total over geos never is; on average over draws for a sampled model.
     *
     * <p>Why it matters: the ROI of an always-on channel is its response from zero to its spend divided by that
     * spend, and the data only see the curve between its lowest and highest spend; the rest comes from the assumed
     * curve shape and the priors. On the {@code realistic} preset with almost no noise (signal-to-noise 50) the
     * Bayesian model's ROI of the always-on {@code social} still came out 39% high on average over ten re-draws while
     * its flighted {@code display} came out within 10%: more data do not fix it, an experiment that switches the
     * channel off does. The marginal ROI, a slope inside the observed range, is what the data measure.
     *
     * @param c the channel index
     * @return the share in {@code [0, 1]}, or NaN when the model's response at the mean spend is not positive
     */
    public double belowObservedShare(int c) {
        Objects.checkIndex(c, layout.data.nChannels());
        MmmDataset data = layout.data;
        int ng = data.nGeos();
        int nt = data.nPeriods();
        int periods = Math.max(1, nt - layout.holdout);
        double[] low = new double[ng];
        double[] mean = new double[ng];
        double[] spend = new double[periods];
        for (int g = 0; g < ng; g++) {
            for (int t = 0; t < periods; t++) {
                spend[t] = data.spend(g * nt + t, c);
                mean[g] += spend[t] / periods;
            }
            Arrays.sort(spend);
            low[g] = spend[(int) Math.floor(0.05 * (periods - 1))];
        }
        double below = 0;
        double atMean = 0;
        int rows = point != null ? 1 : nDraws;
        for (int d = 0; d < rows; d++) {
            int r = point != null ? nDraws : d;
            double[] values = point != null ? point : draws;
            int offset = point != null ? 0 : d * layout.width;
            for (int g = 0; g < ng; g++) {
                if (mean[g] > 0) {
                    atMean += geoResponse(r, values, offset, c, g, mean[g]);
                    below += low[g] > 0 ? geoResponse(r, values, offset, c, g, low[g]) : 0.0;
                }
            }
        }
        if (!(atMean > 0)) {
            return Double.NaN;
        }
        return Math.min(1, Math.max(0, below / atMean));
    }

    /** One geo's steady-state response to {@code spend} per period in that geo (see {@link #response}). */
    private double geoResponse(int r, double[] rows, int offset, int channel, int g, double spend) {
        ChannelSpec cs = rowChannels[r][channel];
        double size = layout.frame.geoSize(g);
        double a = cs.adstock().totalWeight() * spend / (layout.frame.mediaScale()[channel] * size);
        return rows[offset + 1 + layout.firstMedia + channel] * layout.geoEffect(rows, offset, channel, g) * size
                * cs.saturation().value(a);
    }

    /**
     * The steady-state response of a channel: the KPI contribution per period once carryover has built up, when
     * the channel spends {@code spendPerPeriod} in every period (in a panel: in total over geos, split across geos
     * in proportion to the channel's historical spend in each). For adstock weights summing to {@code W} and a
     * channel scale {@code scale} (mean historical spend per row) this is {@code beta * sum_g sat(W * spend_g /
     * scale)}. Plotted against spend it is the channel's response curve.
     *
     * @param channel the channel index
     * @param spendPerPeriod spend per period, at least 0
     * @return the KPI contribution per period
     */
    public double response(int channel, double spendPerPeriod) {
        return responseAt(channel, spendPerPeriod, false);
    }

    /**
     * @param channel a channel's name
     * @param spendPerPeriod spend per period, at least 0
     * @return {@link #response(int, double)} of that channel
     */
    public double response(String channel, double spendPerPeriod) {
        return response(channelIndex(channel), spendPerPeriod);
    }

    /**
     * The derivative of {@link #response(int, double)} with respect to spend per period: the extra KPI per period
     * per extra unit of steady spend.
     *
     * @param channel the channel index
     * @param spendPerPeriod spend per period, at least 0
     * @return the marginal response
     */
    public double marginalResponse(int channel, double spendPerPeriod) {
        return responseAt(channel, spendPerPeriod, true);
    }

    /**
     * @param channel a channel's name
     * @param spendPerPeriod spend per period, at least 0
     * @return {@link #marginalResponse(int, double)} of that channel
     */
    public double marginalResponse(String channel, double spendPerPeriod) {
        return marginalResponse(channelIndex(channel), spendPerPeriod);
    }

    private double responseAt(int channel, double spendPerPeriod, boolean derivative) {
        Objects.checkIndex(channel, layout.data.nChannels());
        Checks.checkNonNegative("spendPerPeriod", spendPerPeriod);
        if (point != null) {
            return rowResponse(nDraws, point, 0, channel, spendPerPeriod, derivative);
        }
        double acc = 0;
        for (int d = 0; d < nDraws; d++) {
            acc += rowResponse(d, draws, d * layout.width, channel, spendPerPeriod, derivative);
        }
        return acc / nDraws;
    }

    private double rowResponse(int r, double[] rows, int offset, int channel, double spend, boolean derivative) {
        ChannelSpec cs = rowChannels[r][channel];
        double w = cs.adstock().totalWeight();
        double scale = layout.frame.mediaScale()[channel];
        double s = 0;
        double[] shares = layout.geoShares[channel];
        for (int g = 0; g < shares.length; g++) {
            double share = shares[g];
            double size = layout.frame.geoSize(g);
            double unit = scale * size;
            double a = w * spend * share / unit;
            double m = layout.geoEffect(rows, offset, channel, g) * size;
            s += m * (derivative ? cs.saturation().derivative(a) * w * share / unit : cs.saturation().value(a));
        }
        return rows[offset + 1 + layout.firstMedia + channel] * s;
    }

    /**
     * The per-period contribution of one channel to one geo's KPI for a given spend series of that channel:
     * {@code beta_c * sat_c(adstock_c(spend / scale_c))}, spend before the series' first period taken as zero, at
     * the point estimate (the point row, or the mean over draws). mmm4j's models are additive in media, so a
     * channel's contribution depends on no other channel; this is the kernel the budget optimizer and attribution
     * evaluate many times.
     *
     * @param channel the channel index
     * @param geo the geo index (0 for national data)
     * @param spend (input) not modified; the channel's spend per period in that geo, finite and non-negative
     * @return the contribution per period, same length as {@code spend}
     */
    public double[] channelContribution(int channel, int geo, double[] spend) {
        Objects.checkIndex(channel, layout.data.nChannels());
        Objects.checkIndex(geo, layout.data.nGeos());
        Objects.requireNonNull(spend, "spend");
        int n = spend.length;
        double size = layout.frame.geoSize(geo);
        double scale = layout.frame.mediaScale()[channel] * size;
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            Checks.checkArgument(Double.isFinite(spend[t]) && spend[t] >= 0,
                    "spend[%d] = %s; must be finite and >= 0", t, spend[t]);
            x[t] = spend[t] / scale;
        }
        double[] level = new double[n];
        double[] sat = new double[n];
        double[] out = new double[n];
        int w = layout.width;
        int first = point != null ? nDraws : 0;
        int last = point != null ? nDraws + 1 : nDraws;
        for (int r = first; r < last; r++) {
            ChannelSpec cs = rowChannels[r][channel];
            double beta = size * (r == nDraws
                    ? point[1 + layout.firstMedia + channel] * layout.geoEffect(point, 0, channel, geo)
                    : draws[r * w + 1 + layout.firstMedia + channel] * layout.geoEffect(draws, r * w, channel, geo));
            cs.adstock().apply(x, n, level);
            cs.saturation().apply(level, n, sat);
            for (int t = 0; t < n; t++) {
                out[t] += beta * sat[t];
            }
        }
        if (last - first > 1) {
            for (int t = 0; t < n; t++) {
                out[t] /= last - first;
            }
        }
        return out;
    }

    /**
     * @param channel a channel's name
     * @param geo a geo's name
     * @param spend (input) not modified; the channel's spend per period in that geo
     * @return {@link #channelContribution(int, int, double[])} of that channel and geo
     */
    public double[] channelContribution(String channel, String geo, double[] spend) {
        int g = layout.data.geos().indexOf(geo);
        Checks.checkArgument(g >= 0, "no geo '%s'; geos are %s", geo, layout.data.geos());
        return channelContribution(channelIndex(channel), g, spend);
    }

    // ------------------------------------------------------------------ other

    /**
     * Collinearity of the model's design over the training rows: variance inflation factor per column and the
     * condition number of the standardised design (see {@link Collinearity}), so that channels whose effects the
     * data cannot separate are visible. Geo offset columns are left out.
     *
     * @return the report
     */
    public CollinearityReport collinearity() {
        MmmDataset data = layout.data;
        Design d = Design.of(data, spec, layout.frame);
        int nt = data.nPeriods();
        int nTrain = nt - layout.holdout;
        int first = data.nGeos() - 1;
        int p = d.cols() - first;
        int n = nTrain * data.nGeos();
        double[] x = new double[n * p];
        int i = 0;
        for (int g = 0; g < data.nGeos(); g++) {
            for (int t = 0; t < nTrain; t++, i++) {
                for (int j = 0; j < p; j++) {
                    x[i * p + j] = d.get(g * nt + t, first + j);
                }
            }
        }
        return Collinearity.diagnose(x, n, p, d.columnNames().subList(first, d.cols()),
                Collinearity.DEFAULT_VIF_THRESHOLD, Collinearity.DEFAULT_CONDITION_THRESHOLD);
    }

    /**
     * A table of the model for a console: estimator, size, fit and one line per channel with ROI and its interval.
     *
     * @return the text, several lines
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "FittedModel[%s, %d channels, %d periods x %d geos, holdout %d, %s]%n",
                layout.estimator, layout.data.nChannels(), layout.data.nPeriods(), layout.data.nGeos(),
                layout.holdout, point != null ? (nDraws > 0 ? "point fit + " + nDraws + " draws" : "point fit")
                        : nDraws + " draws"));
        FitMetrics m = trainMetrics();
        b.append(String.format(Locale.ROOT, "  train R2 %.4f, MAPE %.2f%%", m.r2(), 100 * m.mape()));
        testMetrics().ifPresent(t -> b.append(String.format(Locale.ROOT, ", test R2 %.4f, MAPE %.2f%%", t.r2(),
                100 * t.mape())));
        samplerDiagnostics().ifPresent(s -> b.append(String.format(Locale.ROOT,
                ", max R-hat %.4f, %d divergences", s.maxRhat(), s.divergences())));
        b.append(System.lineSeparator());
        for (ChannelSummary c : channels()) {
            b.append("  ").append(c).append(System.lineSeparator());
        }
        return b.toString().stripTrailing();
    }

    /**
     * A fitted transform parameter: its point estimate and, for a model with draws, its interval over the draws.
     *
     * @param channel the channel's name
     * @param transform {@code adstock} or {@code saturation}
     * @param name the parameter's name in its transform (for example {@code alpha}, {@code ec}, {@code slope})
     * @param estimate the point estimate (see {@link FittedModel})
     * @param interval the interval over the draws, empty without draws
     */
    public record TransformParameter(String channel, String transform, String name, double estimate,
            Optional<Interval> interval) {

        /** Validates. */
        public TransformParameter {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(transform, "transform");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(interval, "interval");
        }
    }
}
