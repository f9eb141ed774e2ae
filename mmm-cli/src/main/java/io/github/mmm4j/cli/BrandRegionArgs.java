package io.github.mmm4j.cli;

import io.github.mmm4j.synthetic.BrandRegionProcess;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The sizes and spreads of {@code --preset brand-region} panels, shared by {@code synth} and {@code recover}. */
final class BrandRegionArgs {

    /** The preset of brand x region panels ({@link BrandRegionProcess}). */
    static final String PRESET = "brand-region";

    // No picocli defaults: a null field is an option the user did not give, which other presets must not get.
    @Option(names = "--brands", paramLabel = "N",
            description = "With --preset brand-region: brands, 1 to 4 (default: 3).")
    Integer brands;

    @Option(names = "--regions", paramLabel = "N",
            description = "With --preset brand-region: regions, 1 to 99 (default: 4).")
    Integer regions;

    @Option(names = "--weeks", paramLabel = "N",
            description = "With --preset brand-region: weeks, at least 8 (default: 156).")
    Integer weeks;

    @Option(names = "--brand-sd", paramLabel = "S",
            description = "With --preset brand-region: the sd of the log brand effects on media, 0 to 1 (default: "
                    + "0.15); a brand's media effects also scale with its sales level, so brands differ even at 0.")
    Double brandSd;

    @Option(names = "--cell-sd", paramLabel = "S",
            description = "With --preset brand-region: the sd of each cell's log media effects around its brand's, "
                    + "0 to 1 (default: 0.25; 0: a brand's cells share one effect per head).")
    Double cellSd;

    /** @return true if {@code preset} names the brand x region process */
    static boolean selected(String preset) {
        return preset != null && preset.toLowerCase(Locale.ROOT).strip().equals(PRESET);
    }

    /**
     * Rejects the panel sizes and spreads when another preset or a {@code --config} file is used, where they would be
     * ignored.
     *
     * @param preset {@code --preset}, possibly null
     * @throws Main.BadInputException naming the first size or spread option given
     */
    void rejectUnlessSelected(String preset) {
        if (selected(preset)) {
            return;
        }
        String given = brands != null ? "--brands " + brands : regions != null ? "--regions " + regions
                : weeks != null ? "--weeks " + weeks : brandSd != null ? "--brand-sd " + brandSd
                : cellSd != null ? "--cell-sd " + cellSd : null;
        if (given != null) {
            throw new Main.BadInputException(given + " applies only to --preset " + PRESET + "; the "
                    + (preset == null ? "scenario" : "preset '" + preset + "'") + " sets its own "
                    + (given.contains("-sd ") ? "effects" : "sizes"));
        }
    }

    /**
     * The process's settings.
     *
     * @param config {@code --config}, which must be absent
     * @throws Main.BadInputException naming the option if a size or spread is out of range, or if {@code --config} is
     *     given
     */
    BrandRegionProcess.Config config(Path config) {
        if (config != null) {
            throw new Main.BadInputException("give --preset or --config, not both");
        }
        int brands = this.brands == null ? 3 : this.brands;
        int regions = this.regions == null ? 4 : this.regions;
        int weeks = this.weeks == null ? 156 : this.weeks;
        if (brands < 1 || brands > 4) {
            throw new Main.BadInputException("--brands " + brands + " is out of range; give 1 to 4");
        }
        if (regions < 1 || regions > 99 || brands * regions < 2) {
            throw new Main.BadInputException("--regions " + regions + " is out of range; give 1 to 99, and at least "
                    + "2 cells in all (brands x regions)");
        }
        if (weeks < 8) {
            throw new Main.BadInputException("--weeks " + weeks + " is out of range; give at least 8");
        }
        BrandRegionProcess.Config d = BrandRegionProcess.Config.of(brands, regions, weeks);
        double bs = spread("--brand-sd", brandSd, d.brandSd());
        double cs = spread("--cell-sd", cellSd, d.cellSd());
        return new BrandRegionProcess.Config(brands, regions, weeks, bs, cs, d.darkShare(), d.noise());
    }

    private static double spread(String option, Double given, double fallback) {
        if (given == null) {
            return fallback;
        }
        if (!(given >= 0 && given <= 1)) {
            throw new Main.BadInputException(option + " " + given + " is out of range; give 0 to 1");
        }
        return given;
    }
}
