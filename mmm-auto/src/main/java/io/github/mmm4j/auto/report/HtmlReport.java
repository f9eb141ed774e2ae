package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.report.Doc.Block;
import io.github.mmm4j.auto.report.Doc.Bullets;
import io.github.mmm4j.auto.report.Doc.Figure;
import io.github.mmm4j.auto.report.Doc.Heading;
import io.github.mmm4j.auto.report.Doc.Para;
import io.github.mmm4j.auto.report.Doc.Table;
import java.util.Base64;
import java.util.List;

/**
 * Renders the report as one self-contained HTML file: inline CSS, charts as PNG {@code data:} URIs, no scripts, no
 * external resources; a content security policy forbids scripts and network access. Every text is HTML-escaped.
 */
final class HtmlReport {

    /** Allows inline styles and {@code data:} images only. */
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'";

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1b1b1b;\
            background:#fafafa;line-height:1.45}
            main{max-width:1000px;margin:0 auto;padding:24px 28px 60px;background:#fff}
            h1{font-size:1.7em;margin:.2em 0 .4em}h2{margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            h3{margin-top:1.5em}
            p.headline{font-size:1.2em;font-weight:600;background:#eef5fb;border-left:5px solid #0072B2;padding:.7em 1em}
            table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.88em;width:100%}
            th,td{border:1px solid #ddd;padding:4px 7px;vertical-align:top}th{background:#f2f2f2;text-align:left}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            tr:nth-child(even) td{background:#fafafa}
            figure{margin:1em 0}figure img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{font-size:.88em;color:#555}
            .tw{overflow-x:auto}
            .grid{display:flex;flex-wrap:wrap;gap:12px}.grid figure{flex:1 1 45%;margin:0}
            nav.toc{background:#f6f8fa;border:1px solid #e1e4e8;padding:.5em 1em;margin:1em 0;font-size:.92em}
            nav.toc ol{margin:.3em 0 0;padding-left:1.4em;columns:2}nav.toc a{color:#0b5394;text-decoration:none}
            """;

    private HtmlReport() {
    }

    /** @return the HTML document: narrative, charts, appendix */
    static String render(ReportData r, List<Figure> figures) {
        StringBuilder sb = new StringBuilder(1 << 20);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Html.escape(CSP))
                .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(r.narrative.title())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        int head = sb.length();
        List<String[]> toc = new java.util.ArrayList<>();
        render(Sections.narrative(r), sb, toc);
        sb.append("<h2 id=\"charts\">Charts</h2>\n");
        toc.add(new String[] {"charts", "Charts"});
        boolean inGrid = false;
        for (Figure f : figures) {
            if (f.small() && !inGrid) {
                sb.append("<div class=\"grid\">\n");
                inGrid = true;
            } else if (!f.small() && inGrid) {
                sb.append("</div>\n");
                inGrid = false;
            }
            figure(f, sb);
        }
        if (inGrid) {
            sb.append("</div>\n");
        }
        render(Sections.appendix(r), sb, toc);
        sb.append("</main>\n</body>\n</html>\n");
        // the table of contents, before the first section
        int first = sb.indexOf("<h2", head);
        sb.insert(first < 0 ? head : first, toc(toc));
        return sb.toString();
    }

    /** A navigation list of the level-2 sections ({@code id}, text). */
    private static String toc(List<String[]> entries) {
        StringBuilder sb = new StringBuilder("<nav class=\"toc\" aria-label=\"Contents\"><strong>Contents</strong><ol>");
        for (String[] e : entries) {
            sb.append("<li><a href=\"#").append(Html.escape(e[0])).append("\">").append(Html.escape(e[1]))
                    .append("</a></li>");
        }
        return sb.append("</ol></nav>\n").toString();
    }

    static void render(List<Block> blocks, StringBuilder sb) {
        render(blocks, sb, null);
    }

    /** Renders blocks; level-2 headings get an id ({@code s1}, {@code s2}, ...) recorded in {@code toc} if given. */
    static void render(List<Block> blocks, StringBuilder sb, List<String[]> toc) {
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                String id = "";
                if (toc != null && h.level() == 2) {
                    String sid = "s" + (toc.size() + 1);
                    toc.add(new String[] {sid, h.text()});
                    id = " id=\"" + sid + "\"";
                }
                sb.append("<h").append(h.level()).append(id).append('>').append(Html.escape(h.text())).append("</h")
                        .append(h.level()).append(">\n");
            } else if (b instanceof Para p) {
                sb.append(p.emphasis() ? "<p class=\"headline\">" : "<p>").append(Html.escape(p.text()))
                        .append("</p>\n");
            } else if (b instanceof Bullets l) {
                sb.append("<ul>\n");
                for (String item : l.items()) {
                    sb.append("<li>").append(Html.escape(item)).append("</li>\n");
                }
                sb.append("</ul>\n");
            } else if (b instanceof Table t) {
                table(t, sb);
            } else if (b instanceof Figure f) {
                figure(f, sb);
            }
        }
    }

    private static void table(Table t, StringBuilder sb) {
        sb.append("<div class=\"tw\"><table>\n<thead><tr>");
        for (int i = 0; i < t.header().size(); i++) {
            sb.append(t.numeric().get(i) ? "<th class=\"num\">" : "<th>").append(Html.escape(t.header().get(i)))
                    .append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            sb.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                sb.append(t.numeric().get(i) ? "<td class=\"num\">" : "<td>").append(Html.escape(row.get(i)))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table></div>\n");
    }

    private static void figure(Figure f, StringBuilder sb) {
        sb.append("<figure id=\"fig-").append(Html.escape(f.id())).append("\"><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(f.png()))
                .append("\" alt=\"").append(Html.escape(f.alt())).append("\"><figcaption>")
                .append(Html.escape(f.caption())).append("</figcaption></figure>\n");
    }
}
