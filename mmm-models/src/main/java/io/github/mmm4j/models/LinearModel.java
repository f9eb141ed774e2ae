package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted model that is linear in its coefficients given the media transforms: the prediction for a row is
 * {@code intercept + sum_j coefficients[j] * x[row, j]} over the columns of the {@link Design}. Ridge and NNLS
 * produce this type, and each draw of a Bayesian posterior is one. Immutable.
 *
 * <p>It may carry draws of its coefficients (for example bootstrap replicates), flat and row-major:
 * {@code draws[k * (1 + p) + 0]} is draw {@code k}'s intercept and {@code draws[k * (1 + p) + 1 + j]} its
 * coefficient {@code j}. Intervals in {@link #channels()} are then equal-tailed quantiles over the draws.
 */
public final class LinearModel implements FittedModel {

    private final String estimator;
    private final ModelSpec spec;
    private final MmmDataset data;
    private final int holdout;
    private final Design.Frame frame;
    private final double intercept;
    private final double[] coefficients;
    private final double[] draws;
    private final double level;
    private final List<String> columnNames;
    private final int firstMedia;
    private final Provenance provenance;
    private final double[][] geoShares;
    private final List<ChannelSummary> channels;
    private final FitMetrics trainMetrics;
    private final FitMetrics testMetrics;

    /**
     * A point model without draws.
     *
     * @param estimator the estimator's name
     * @param spec the model structure
     * @param data the data fitted, holdout included
     * @param holdout the number of final periods held out
     * @param frame the training frame
     * @param intercept the intercept, in KPI units
     * @param coefficients (input) copied; one per design column, in KPI units per unit of the column
     * @param provenance how the model was made
     */
    public LinearModel(String estimator, ModelSpec spec, MmmDataset data, int holdout, Design.Frame frame,
            double intercept, double[] coefficients, Provenance provenance) {
        this(estimator, spec, data, holdout, frame, intercept, coefficients, provenance, null, 0.9);
    }

    /**
     * A model with draws of its coefficients.
     *
     * @param estimator the estimator's name
     * @param spec the model structure
     * @param data the data fitted, holdout included
     * @param holdout the number of final periods held out
     * @param frame the training frame
     * @param intercept the point intercept, in KPI units
     * @param coefficients (input) copied; point coefficients, one per design column
     * @param provenance how the model was made
     * @param draws (input) copied; draws of {@code (intercept, coefficients)}, row-major, or null for none
     * @param level the nominal coverage of the intervals, in (0, 1)
     */
    public LinearModel(String estimator, ModelSpec spec, MmmDataset data, int holdout, Design.Frame frame,
            double intercept, double[] coefficients, Provenance provenance, double[] draws, double level) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.data = Objects.requireNonNull(data, "data");
        this.holdout = Checks.checkNonNegative("holdout", holdout);
        this.frame = Objects.requireNonNull(frame, "frame");
        this.intercept = Checks.checkFinite("intercept", intercept);
        this.coefficients = coefficients.clone();
        Checks.checkAllFinite("coefficients", this.coefficients);
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        Checks.checkArgument(level > 0 && level < 1, "level = %s; must be in (0, 1)", level);
        this.level = level;

        Design design = Design.of(data, spec, frame);
        Checks.checkLength("coefficients", this.coefficients, design.cols());
        int width = 1 + design.cols();
        if (draws != null) {
            Checks.checkArgument(draws.length > 0 && draws.length % width == 0,
                    "draws.length = %d; must be a positive multiple of 1 + %d coefficients", draws.length,
                    design.cols());
            Checks.checkAllFinite("draws", draws);
        }
        this.draws = draws == null ? null : draws.clone();
        this.columnNames = design.columnNames();
        this.firstMedia = design.firstMediaColumn();
        this.geoShares = geoShares(data);
        Decomposition d = decompose(design, data);
        this.channels = summarise(design);
        int nt = data.nPeriods();
        int nTrain = nt - holdout;
        double[] y = data.kpi();
        double[] p = d.predicted();
        int k = design.cols();
        this.trainMetrics = FitMetrics.of(rows(y, 0, nTrain, nt), rows(p, 0, nTrain, nt), k);
        this.testMetrics = holdout == 0 ? null
                : FitMetrics.of(rows(y, nTrain, nt, nt), rows(p, nTrain, nt, nt), k);
    }

    /** geoShares[c][g]: geo g's fraction of channel c's total spend. */
    private static double[][] geoShares(MmmDataset data) {
        int nt = data.nPeriods();
        double[][] s = new double[data.nChannels()][data.nGeos()];
        for (int c = 0; c < s.length; c++) {
            double total = data.totalSpend(c);
            for (int g = 0; g < data.nGeos(); g++) {
                double sum = 0;
                for (int t = 0; t < nt; t++) {
                    sum += data.spend(g * nt + t, c);
                }
                s[c][g] = sum / total;
            }
        }
        return s;
    }

    private double[] rows(double[] v, int from, int to, int nt) {
        int ng = data.nGeos();
        double[] out = new double[(to - from) * ng];
        for (int g = 0; g < ng; g++) {
            System.arraycopy(v, g * nt + from, out, g * (to - from), to - from);
        }
        return out;
    }

    private List<ChannelSummary> summarise(Design design) {
        int nc = data.nChannels();
        double[] colSum = new double[nc];
        for (int r = 0; r < design.rows(); r++) {
            for (int c = 0; c < nc; c++) {
                colSum[c] += design.get(r, firstMedia + c);
            }
        }
        double[] dScale = Design.spendScalingDerivative(data, spec, frame);
        double[] spend = new double[nc];
        for (int c = 0; c < nc; c++) {
            spend[c] = data.totalSpend(c);
        }
        double[] point = effects(coefficients, 0, colSum, dScale, spend);
        int nd = drawCount();
        double[][] perDraw = new double[nd][];
        int width = 1 + coefficients.length;
        for (int k = 0; k < nd; k++) {
            perDraw[k] = effects(draws, k * width + 1, colSum, dScale, spend);
        }
        List<ChannelSummary> out = new ArrayList<>(nc);
        for (int c = 0; c < nc; c++) {
            String name = data.channels().get(c);
            if (nd == 0) {
                out.add(new ChannelSummary(name, spend[c], point[4 * c], point[4 * c + 1], point[4 * c + 2],
                        point[4 * c + 3]));
                continue;
            }
            Interval[] iv = new Interval[4];
            double[] sample = new double[nd];
            for (int q = 0; q < 4; q++) {
                for (int k = 0; k < nd; k++) {
                    sample[k] = perDraw[k][4 * c + q];
                }
                iv[q] = Interval.of(sample, level);
            }
            out.add(new ChannelSummary(name, spend[c], point[4 * c], point[4 * c + 1], point[4 * c + 2],
                    point[4 * c + 3], Optional.of(iv[0]), Optional.of(iv[1]), Optional.of(iv[2]),
                    Optional.of(iv[3])));
        }
        return List.copyOf(out);
    }

    /** Per channel (contribution, share, roi, mroi), flat, for the coefficients starting at coef[offset]. */
    private double[] effects(double[] coef, int offset, double[] colSum, double[] dScale, double[] spend) {
        int nc = colSum.length;
        double[] e = new double[4 * nc];
        double total = 0;
        for (int c = 0; c < nc; c++) {
            double beta = coef[offset + firstMedia + c];
            e[4 * c] = beta * colSum[c];
            total += e[4 * c];
        }
        for (int c = 0; c < nc; c++) {
            double beta = coef[offset + firstMedia + c];
            e[4 * c + 1] = total == 0 ? 0 : e[4 * c] / total;
            e[4 * c + 2] = e[4 * c] / spend[c];
            e[4 * c + 3] = beta * dScale[c] / spend[c];
        }
        return e;
    }

    private Decomposition decompose(Design design, MmmDataset d) {
        List<String> comps = design.components();
        int nk = comps.size();
        int rows = design.rows();
        double[] values = new double[rows * nk];
        double[] predicted = new double[rows];
        for (int r = 0; r < rows; r++) {
            values[r * nk] = intercept;
            for (int j = 0; j < design.cols(); j++) {
                values[r * nk + design.componentOf(j)] += coefficients[j] * design.get(r, j);
            }
            double s = 0;
            for (int k = 0; k < nk; k++) {
                s += values[r * nk + k];
            }
            predicted[r] = s;
        }
        return new Decomposition(d.time(), d.geos(), comps, values, predicted);
    }

    @Override
    public Decomposition decompose(MmmDataset d) {
        return decompose(Design.of(d, spec, frame), d);
    }

    @Override
    public double response(int channel, double spendPerPeriod) {
        Objects.checkIndex(channel, data.nChannels());
        Checks.checkNonNegative("spendPerPeriod", spendPerPeriod);
        ChannelSpec cs = spec.channels().get(channel);
        double w = cs.adstock().totalWeight();
        double scale = frame.mediaScale()[channel];
        double s = 0;
        for (double share : geoShares[channel]) {
            s += cs.saturation().value(w * spendPerPeriod * share / scale);
        }
        return coefficients[firstMedia + channel] * s;
    }

    @Override
    public double marginalResponse(int channel, double spendPerPeriod) {
        Objects.checkIndex(channel, data.nChannels());
        Checks.checkNonNegative("spendPerPeriod", spendPerPeriod);
        ChannelSpec cs = spec.channels().get(channel);
        double w = cs.adstock().totalWeight();
        double scale = frame.mediaScale()[channel];
        double s = 0;
        for (double share : geoShares[channel]) {
            s += cs.saturation().derivative(w * spendPerPeriod * share / scale) * w * share / scale;
        }
        return coefficients[firstMedia + channel] * s;
    }

    @Override
    public double[] channelContribution(int channel, int geo, double[] spend) {
        Objects.checkIndex(channel, data.nChannels());
        Objects.checkIndex(geo, data.nGeos());
        Objects.requireNonNull(spend, "spend");
        int n = spend.length;
        double scale = frame.mediaScale()[channel];
        double[] x = new double[n];
        for (int t = 0; t < n; t++) {
            Checks.checkArgument(Double.isFinite(spend[t]) && spend[t] >= 0, "spend[%d] = %s; must be finite and >= 0",
                    t, spend[t]);
            x[t] = spend[t] / scale;
        }
        ChannelSpec cs = spec.channels().get(channel);
        double[] level = new double[n];
        cs.adstock().apply(x, n, level);
        cs.saturation().apply(level, n, x);
        double beta = coefficients[firstMedia + channel];
        for (int t = 0; t < n; t++) {
            x[t] *= beta;
        }
        return x;
    }

    @Override
    public int drawCount() {
        return draws == null ? 0 : draws.length / (1 + coefficients.length);
    }

    @Override
    public LinearModel draw(int i) {
        Objects.checkIndex(i, drawCount());
        int width = 1 + coefficients.length;
        double[] coef = new double[coefficients.length];
        System.arraycopy(draws, i * width + 1, coef, 0, coef.length);
        return new LinearModel(estimator, spec, data, holdout, frame, draws[i * width], coef, provenance);
    }

    @Override
    public double intervalLevel() {
        return level;
    }

    /** @return a copy of the draws, row-major {@code (intercept, coefficients...)} per draw, or null for none */
    public double[] drawsArray() {
        return draws == null ? null : draws.clone();
    }

    @Override
    public String estimator() {
        return estimator;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public MmmDataset data() {
        return data;
    }

    @Override
    public int holdout() {
        return holdout;
    }

    @Override
    public Design.Frame frame() {
        return frame;
    }

    /** @return the intercept, in KPI units */
    public double intercept() {
        return intercept;
    }

    /** @return a copy of the coefficients, one per design column (see {@link #columnNames()}) */
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** @return the design column names, in coefficient order */
    public List<String> columnNames() {
        return columnNames;
    }

    @Override
    public List<ChannelSummary> channels() {
        return channels;
    }

    @Override
    public FitMetrics trainMetrics() {
        return trainMetrics;
    }

    @Override
    public Optional<FitMetrics> testMetrics() {
        return Optional.ofNullable(testMetrics);
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }
}
