package io.github.mmm4j.optimize.shapley;

import io.github.mmm4j.core.Checks;
import io.github.mmm4j.core.MmmDataset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The generic game: one prediction per coalition, cached. */
final class ModelCoalitionValue implements CoalitionValue {

    private final Function<MmmDataset, double[]> model;
    private final MmmDataset data;
    private final int from;
    private final int to;
    private final double[] spend;
    private final Map<Long, Double> cache = new HashMap<>();

    ModelCoalitionValue(Function<MmmDataset, double[]> model, MmmDataset data, int from, int to) {
        this.model = Objects.requireNonNull(model, "model");
        this.data = Objects.requireNonNull(data, "data");
        Checks.checkArgument(from >= 0 && from < to && to <= data.nPeriods(),
                "window [%d, %d) is not within the data's %d periods", from, to, data.nPeriods());
        Checks.checkArgument(data.nChannels() <= 62, "%d channels; at most 62", data.nChannels());
        this.from = from;
        this.to = to;
        this.spend = data.spend();
    }

    @Override
    public int players() {
        return data.nChannels();
    }

    @Override
    public List<String> names() {
        return data.channels();
    }

    @Override
    public double value(long coalition) {
        Double v = cache.get(coalition);
        if (v != null) {
            return v;
        }
        int nc = data.nChannels();
        double[] s = spend.clone();
        for (int c = 0; c < nc; c++) {
            if ((coalition & (1L << c)) == 0) {
                for (int i = c; i < s.length; i += nc) {
                    s[i] = 0;
                }
            }
        }
        double[] p = model.apply(data.withSpend(s));
        int nt = data.nPeriods();
        double sum = 0;
        for (int g = 0; g < data.nGeos(); g++) {
            for (int t = from; t < to; t++) {
                sum += p[g * nt + t];
            }
        }
        cache.put(coalition, sum);
        return sum;
    }
}
