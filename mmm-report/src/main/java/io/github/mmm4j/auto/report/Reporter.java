package io.github.mmm4j.auto.report;

import io.github.mmm4j.core.AtomicFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes the reports of an automated analysis into a directory: {@value #MARKDOWN}, {@value #HTML},
 * {@value #JSON}, {@value #XLSX} and {@value #DECK}. Each file is written atomically (to a temporary file in the directory, then
 * moved over the target; see {@link AtomicFiles}), so a reader never sees half a file; files are written in that
 * order.
 *
 * <ul>
 *   <li>{@value #MARKDOWN}: the narrator's plain-language summary for an executive (what to do, how confident, why,
 *       warnings), then a technical appendix: model fit, Shapley contributions, ROI and marginal ROI with intervals
 *       per model, the models' agreement, response curves, the recommended budget, every failed check of the best
 *       round, the round-by-round history and the data readiness score with its reasons.</li>
 *   <li>{@value #HTML}: the same text with charts (actual and predicted with the holdout marked, contributions over
 *       time, a contribution waterfall, ROI with intervals per model, the budget reallocation, and a response curve
 *       per channel), as one self-contained file: inline CSS, charts as base64 PNG {@code data:} URIs, no scripts
 *       and no external resources.</li>
 *   <li>{@value #JSON}: everything in the report, machine-readable. The same input gives a byte-identical file.
 *       Top level: {@code model}, {@code kpi}, {@code seed}, {@code version}, {@code data},
 *       {@code metrics.train}/{@code metrics.test} ({@code r2}, {@code mape}, {@code nrmse}, ...),
 *       {@code channels} ({@code name}, {@code spend}, {@code contribution}, {@code share}, {@code roi},
 *       {@code roi_lower}, {@code roi_upper}, {@code mroi}, ...) for the best round's primary model, as
 *       {@code mmm fit} writes them; then {@code verdict}, {@code confidence}, {@code headline}, {@code readiness},
 *       {@code stop_reason}, {@code best_round}, {@code rounds}, {@code consensus}, {@code rank_correlation},
 *       {@code failed_checks}, {@code shapley}, {@code plan}, {@code findings}, {@code narrative},
 *       {@code response_curves}, {@code waterfall} and {@code series}. Non-finite numbers and absent values are
 *       {@code null}.</li>
 *   <li>{@value #XLSX}: the tables as an Excel workbook (contributions per period and component, ROI per model and
 *       channel, Shapley values, the plan, every check, the rounds).</li>
 * </ul>
 *
 * <p>Charts are drawn with XChart into images in memory; no display is needed. If the application has not set
 * {@code java.awt.headless}, the first call sets it to {@code true} (a JVM-wide property: set it yourself before
 * any AWT use if the application has a GUI). Stateless and safe to call from several threads.
 */
public final class Reporter {

    /** The Markdown report's file name. */
    public static final String MARKDOWN = "report.md";
    /** The HTML report's file name. */
    public static final String HTML = "report.html";
    /** The machine-readable results' file name. */
    public static final String JSON = "results.json";
    /** The workbook's file name. */
    public static final String XLSX = "report.xlsx";
    /** The executive deck's file name. */
    public static final String DECK = "report.pptx";

    private Reporter() {
    }

    /**
     * Writes every report with the {@linkplain Narrator#standard() standard narrator}.
     *
     * @param input what to report
     * @param dir the output directory; created if missing; existing report files are replaced
     * @return the files written, in the order {@value #MARKDOWN}, {@value #HTML}, {@value #JSON}, {@value #XLSX},
     *     {@value #DECK}
     * @throws java.io.UncheckedIOException if a file cannot be written (files written before it are kept; the one
     *     that failed is unchanged)
     */
    public static List<Path> write(ReportInput input, Path dir) {
        return write(input, dir, Narrator.standard());
    }

    /**
     * Writes every report, the plain-language text by {@code narrator}.
     *
     * @param input what to report
     * @param dir the output directory; created if missing; existing report files are replaced
     * @param narrator writes the plain-language sections from the findings; called once
     * @return the files written, in the order {@value #MARKDOWN}, {@value #HTML}, {@value #JSON}, {@value #XLSX},
     *     {@value #DECK}
     * @throws NullPointerException if an argument is null, or the narrator returns null
     * @throws java.io.UncheckedIOException if a file cannot be written (files written before it are kept; the one
     *     that failed is unchanged)
     */
    public static List<Path> write(ReportInput input, Path dir, Narrator narrator) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(narrator, "narrator");
        ReportData data = new ReportData(input, narrator);
        Path md = dir.resolve(MARKDOWN);
        Path html = dir.resolve(HTML);
        Path json = dir.resolve(JSON);
        Path xlsx = dir.resolve(XLSX);
        Path pptx = dir.resolve(DECK);
        List<Doc.Figure> figures = Charts.all(data);
        AtomicFiles.writeString(md, MarkdownReport.render(data));
        AtomicFiles.writeString(html, HtmlReport.render(data, figures));
        AtomicFiles.writeString(json, JsonReport.render(data));
        AtomicFiles.write(xlsx, out -> WorkbookReport.write(data, out));
        AtomicFiles.write(pptx, out -> DeckReport.write(data, figures, out));
        return List.of(md, html, json, xlsx, pptx);
    }
}
