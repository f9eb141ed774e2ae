package io.github.mmm4j.models;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.FitMetrics;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted model represented by draws, each a point {@link LinearModel} with its own transform parameters and
 * coefficients (for example the draws of a Bayesian posterior) over the same data, frame and holdout. Every
 * estimate is the mean over the draws; intervals are equal-tailed quantiles over the draws at
 * {@link #intervalLevel()}. Immutable.
 */
public final class SampledModel implements FittedModel {

    private final String estimator;
    private final List<LinearModel> draws;
    private final Provenance provenance;
    private final double level;
    private final ModelSpec meanSpec;
    private final List<ChannelSummary> channels;
    private final FitMetrics trainMetrics;
    private final FitMetrics testMetrics;

    /**
     * @param estimator the estimator's name
     * @param draws the draws, at least one, all on the same data, frame and holdout
     * @param provenance how the model was made
     * @param level the nominal coverage of the intervals
     */
    public SampledModel(String estimator, List<LinearModel> draws, Provenance provenance, double level) {
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.draws = List.copyOf(draws);
        Checks.checkArgument(!this.draws.isEmpty(), "draws is empty");
        this.provenance = Objects.requireNonNull(provenance, "provenance");
        Checks.checkArgument(level > 0 && level < 1, "level = %s; must be in (0, 1)", level);
        this.level = level;
        LinearModel first = this.draws.get(0);
        for (int i = 1; i < this.draws.size(); i++) {
            LinearModel d = this.draws.get(i);
            Checks.checkArgument(d.data() == first.data() || d.data().equals(first.data()),
                    "draw %d is on other data than draw 0", i);
            Checks.checkArgument(d.frame().equals(first.frame()) && d.holdout() == first.holdout(),
                    "draw %d has another frame or holdout than draw 0", i);
        }
        this.meanSpec = meanSpec(this.draws);
        this.channels = summarise();
        MmmDataset data = first.data();
        double[] p = predict(data);
        int nt = data.nPeriods();
        int nTrain = nt - first.holdout();
        double[] y = data.kpi();
        int k = first.coefficients().length;
        this.trainMetrics = FitMetrics.of(rows(data, y, 0, nTrain), rows(data, p, 0, nTrain), k);
        this.testMetrics = first.holdout() == 0 ? null
                : FitMetrics.of(rows(data, y, nTrain, nt), rows(data, p, nTrain, nt), k);
    }

    private static double[] rows(MmmDataset data, double[] v, int from, int to) {
        int nt = data.nPeriods();
        int ng = data.nGeos();
        double[] out = new double[(to - from) * ng];
        for (int g = 0; g < ng; g++) {
            System.arraycopy(v, g * nt + from, out, g * (to - from), to - from);
        }
        return out;
    }

    private static ModelSpec meanSpec(List<LinearModel> draws) {
        ModelSpec s0 = draws.get(0).spec();
        List<ChannelSpec> cs = new ArrayList<>();
        for (int c = 0; c < s0.channels().size(); c++) {
            ChannelSpec c0 = s0.channels().get(c);
            double[] a = new double[c0.adstock().parameterCount()];
            double[] b = new double[c0.saturation().parameterCount()];
            for (LinearModel d : draws) {
                ChannelSpec ci = d.spec().channels().get(c);
                double[] pa = ci.adstock().parameters();
                double[] pb = ci.saturation().parameters();
                for (int j = 0; j < a.length; j++) {
                    a[j] += pa[j] / draws.size();
                }
                for (int j = 0; j < b.length; j++) {
                    b[j] += pb[j] / draws.size();
                }
            }
            Adstock ad = c0.adstock().withParameters(a);
            Saturation sat = c0.saturation().withParameters(b);
            cs.add(new ChannelSpec(c0.name(), ad, sat));
        }
        return new ModelSpec(cs, s0.trend(), s0.fourierHarmonics());
    }

    private List<ChannelSummary> summarise() {
        MmmDataset data = draws.get(0).data();
        int nc = data.nChannels();
        int nd = draws.size();
        double[][] v = new double[4][nd];
        List<ChannelSummary> out = new ArrayList<>(nc);
        for (int c = 0; c < nc; c++) {
            double[] mean = new double[4];
            for (int i = 0; i < nd; i++) {
                ChannelSummary s = draws.get(i).channels().get(c);
                v[0][i] = s.contribution();
                v[1][i] = s.share();
                v[2][i] = s.roi();
                v[3][i] = s.mroi();
                for (int q = 0; q < 4; q++) {
                    mean[q] += v[q][i] / nd;
                }
            }
            out.add(new ChannelSummary(data.channels().get(c), data.totalSpend(c), mean[0], mean[1], mean[2], mean[3],
                    Optional.of(Interval.of(v[0], level)), Optional.of(Interval.of(v[1], level)),
                    Optional.of(Interval.of(v[2], level)), Optional.of(Interval.of(v[3], level))));
        }
        return List.copyOf(out);
    }

    /** @return the draws, as point models */
    public List<LinearModel> draws() {
        return draws;
    }

    @Override
    public Decomposition decompose(MmmDataset data) {
        return Decomposition.mean(draws.size(), i -> draws.get(i).decompose(data));
    }

    @Override
    public double response(int channel, double spendPerPeriod) {
        double s = 0;
        for (LinearModel d : draws) {
            s += d.response(channel, spendPerPeriod);
        }
        return s / draws.size();
    }

    @Override
    public double marginalResponse(int channel, double spendPerPeriod) {
        double s = 0;
        for (LinearModel d : draws) {
            s += d.marginalResponse(channel, spendPerPeriod);
        }
        return s / draws.size();
    }

    @Override
    public int drawCount() {
        return draws.size();
    }

    @Override
    public LinearModel draw(int i) {
        return draws.get(i);
    }

    @Override
    public double intervalLevel() {
        return level;
    }

    @Override
    public String estimator() {
        return estimator;
    }

    /** @return the structure with every transform parameter at its mean over the draws */
    @Override
    public ModelSpec spec() {
        return meanSpec;
    }

    @Override
    public MmmDataset data() {
        return draws.get(0).data();
    }

    @Override
    public int holdout() {
        return draws.get(0).holdout();
    }

    @Override
    public Design.Frame frame() {
        return draws.get(0).frame();
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
