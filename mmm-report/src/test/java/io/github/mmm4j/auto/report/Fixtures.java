package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.AnalysisResult;
import io.github.mmm4j.auto.AutoAnalysis;
import io.github.mmm4j.auto.AutoOptions;
import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.synthetic.DemoData;

/** Analyses shared by the report tests, each computed once per JVM (a pipeline run takes a few seconds). */
final class Fixtures {

    /** A channel name that is an HTML script element. */
    static final String SCRIPT = "<script>alert(1)</script>";
    /** A channel name that is a spreadsheet formula. */
    static final String FORMULA = "=HYPERLINK(\"x\")";

    private static AnalysisResult demo;
    private static AnalysisResult hostile;

    private Fixtures() {
    }

    /** @return the two-round analysis of the demo data (seed 42) */
    static synchronized AnalysisResult demo() {
        if (demo == null) {
            demo = AutoAnalysis.run(DemoData.generate(DemoData.DEFAULT_SEED), io.github.mmm4j.auto.AutoOptions.defaults().withEstimators(io.github.mmm4j.auto.AutoOptions.defaultEstimators().subList(0, 2)).withSearchIterations(300).withMaxRounds(2));
        }
        return demo;
    }

    /** @return the one-round analysis of the demo data with its first two channels renamed {@link #SCRIPT} and
     *     {@link #FORMULA} */
    static synchronized AnalysisResult hostile() {
        if (hostile == null) {
            hostile = AutoAnalysis.run(renamed(DemoData.generate(DemoData.DEFAULT_SEED)),
                    io.github.mmm4j.auto.AutoOptions.defaults().withEstimators(io.github.mmm4j.auto.AutoOptions.defaultEstimators().subList(0, 2)).withSearchIterations(300).withMaxRounds(1));
        }
        return hostile;
    }

    static MmmDataset renamed(MmmDataset d) {
        MmmDataset.Builder b = MmmDataset.builder(d.time()).kpi(d.kpiName(), d.kpi());
        for (int c = 0; c < d.nChannels(); c++) {
            String name = c == 0 ? SCRIPT : c == 1 ? FORMULA : d.channels().get(c);
            b.channel(name, d.spendColumn(c));
        }
        for (int k = 0; k < d.nControls(); k++) {
            b.control(d.controls().get(k), d.controlColumn(k));
        }
        for (int e = 0; e < d.nEvents(); e++) {
            b.event(d.events().get(e), d.eventColumn(e));
        }
        return b.build();
    }
}
