package io.github.mmm4j.models.bayes;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSpec;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.Interval;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.synthetic.ChannelTruth;
import io.github.mmm4j.synthetic.Generated;
import io.github.mmm4j.synthetic.Presets;
import io.github.mmm4j.synthetic.Synthetic;
import io.github.mmm4j.transforms.Saturation;
import io.github.mmm4j.transforms.Tanh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ground-truth recovery: over 50 replicates (seeds 1..50) of the synthetic generator's {@code realistic} preset
 * (156 weeks, 6 channels), the 90% credible intervals of channel ROI ({@link BayesModel#channels()}) cover the true
 * ROI in 80% to 97% of the 300 channel-replicates.
 *
 * <p>Model: the generator's transform families per channel (geometric/delayed adstock; Hill, logistic and
 * Michaelis-Menten saturation; the {@code ooh} channel's tanh saturation, which the Bayesian model does not
 * support, is fitted with Hill), default priors and default sampler settings (4 chains of 1000 warmup and 1000
 * draws).
 *
 * <p>Failure probability: for calibrated intervals the coverage count is a sum of 300 Bernoulli(0.9) indicators;
 * channels of one replicate are correlated, so the effective number lies between 50 and 300 and the coverage's
 * standard deviation between 1.7 and 4.2 percentage points; the band [80%, 97%] is at least 2.4 of those below and
 * 1.7 above, so a calibrated model fails with probability below about 5% in the worst (fully correlated) case and
 * below 1e-4 when channels are independent. The seeds are fixed, so for given code the outcome is deterministic.
 *
 * <p>The slowest test of the build (50 fits, about 4 minutes on two cores), and part of it:
 * {@code -Dmmm4j.coverage=false} skips it for a quicker local run. It writes each fit's diagnostics and each
 * channel's interval to {@code target/bayes-coverage.txt}.
 */
@Tag("slow")
@DisabledIfSystemProperty(named = "mmm4j.coverage", matches = "false")
class SyntheticCoverageTest {

    private static final int REPLICATES = 50;

    @Test
    void roiIntervalsCoverTheTruth() throws IOException {
        List<String> names = null;
        int[] covered = null;
        int total = 0;
        int hits = 0;
        int divergent = 0;
        int rhatOver = 0;
        double worstRhat = 0;
        StringBuilder log = new StringBuilder();
        for (long seed = 1; seed <= REPLICATES; seed++) {
            Generated g = Synthetic.generate(Presets.realistic(), seed);
            MmmDataset data = g.data();
            List<ChannelSpec> cs = new ArrayList<>();
            for (ChannelTruth t : g.truth().channels()) {
                Saturation s = t.saturation() instanceof Tanh ? Saturation.hill(1, 1) : t.saturation();
                cs.add(new ChannelSpec(t.name(), t.adstock(), s));
            }
            ModelSpec spec = new ModelSpec(cs, true, 2);
            FittedModel m = BayesianMmm.fit(data, spec, BayesOptions.defaults().withSeed(1000 + seed));
            if (names == null) {
                names = data.channels();
                covered = new int[names.size()];
            }
            divergent += m.samplerDiagnostics().orElseThrow().divergences();
            worstRhat = Math.max(worstRhat, m.samplerDiagnostics().orElseThrow().maxRhat());
            rhatOver += m.samplerDiagnostics().orElseThrow().maxRhat() > NutsResult.RHAT_THRESHOLD ? 1 : 0;
            log.append(String.format(Locale.ROOT, "%d fit: divergences %d, max R-hat %.4f, min bulk ESS %.0f%n", seed,
                    m.samplerDiagnostics().orElseThrow().divergences(), m.samplerDiagnostics().orElseThrow().maxRhat(), m.samplerDiagnostics().orElseThrow().minEssBulk()));
            for (int c = 0; c < names.size(); c++) {
                ChannelSummary s = m.channels().get(c);
                double truth = g.truth().channel(s.name()).roi();
                Interval iv = s.roiInterval().orElseThrow();
                boolean in = iv.contains(truth);
                covered[c] += in ? 1 : 0;
                hits += in ? 1 : 0;
                total++;
                log.append(String.format(Locale.ROOT, "%d %s truth %.4f mean %.4f [%.4f, %.4f] %s%n", seed,
                        s.name(), truth, s.roi(), iv.lower(), iv.upper(), in ? "in" : "OUT"));
            }
            Files.writeString(Path.of("target", "bayes-coverage.txt"), String.format(Locale.ROOT,
                    "running: %d of %d replicates, coverage so far %.3f%n", seed, REPLICATES,
                    (double) hits / total) + log);
        }
        double coverage = (double) hits / total;
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT,
                "coverage %.3f (%d of %d); divergences %d; worst R-hat %.4f; fits with an R-hat above %.2f: %d%n",
                coverage, hits, total, divergent, worstRhat, NutsResult.RHAT_THRESHOLD, rhatOver));
        for (int c = 0; c < names.size(); c++) {
            head.append(String.format(Locale.ROOT, "  %s %d/%d%n", names.get(c), covered[c], REPLICATES));
        }
        Files.writeString(Path.of("target", "bayes-coverage.txt"), head.append(log).toString());
        assertTrue(coverage >= 0.80 && coverage <= 0.97, head.toString());
    }
}
