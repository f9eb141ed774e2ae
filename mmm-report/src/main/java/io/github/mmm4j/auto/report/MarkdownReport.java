package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.report.Doc.Block;
import io.github.mmm4j.auto.report.Doc.Bullets;
import io.github.mmm4j.auto.report.Doc.Figure;
import io.github.mmm4j.auto.report.Doc.Heading;
import io.github.mmm4j.auto.report.Doc.Para;
import io.github.mmm4j.auto.report.Doc.Table;
import java.util.List;

/** Renders the report's blocks as Markdown (GitHub Flavored Markdown tables); every text is escaped. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    /** @return the Markdown text: narrative, then a pointer to the charts, then the appendix */
    static String render(ReportData r) {
        StringBuilder sb = new StringBuilder();
        render(Sections.narrative(r), sb);
        sb.append("Charts: see ").append(Reporter.HTML).append(".\n\n");
        render(Sections.appendix(r), sb);
        return sb.toString();
    }

    static void render(List<Block> blocks, StringBuilder sb) {
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(Markdown.escape(h.text())).append("\n\n");
            } else if (b instanceof Para p) {
                String t = Markdown.escape(p.text());
                sb.append(p.emphasis() ? "**" + t + "**" : t).append("\n\n");
            } else if (b instanceof Bullets l) {
                for (String item : l.items()) {
                    sb.append("- ").append(Markdown.escape(item)).append('\n');
                }
                sb.append('\n');
            } else if (b instanceof Table t) {
                table(t, sb);
            } else if (b instanceof Figure f) {
                sb.append("Chart: ").append(Markdown.escape(f.caption())).append(" (in ").append(Reporter.HTML)
                        .append(").\n\n");
            }
        }
    }

    private static void table(Table t, StringBuilder sb) {
        sb.append('|');
        for (String h : t.header()) {
            sb.append(' ').append(Markdown.escape(h)).append(" |");
        }
        sb.append("\n|");
        for (boolean num : t.numeric()) {
            sb.append(num ? "---:|" : "---|");
        }
        sb.append('\n');
        for (List<String> row : t.rows()) {
            sb.append('|');
            for (String cell : row) {
                sb.append(' ').append(Markdown.escape(cell)).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
    }
}
