package io.github.mmm4j.auto.report;

import io.github.mmm4j.auto.report.Doc.Figure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders the report as one self-contained HTML file: the report's own Markdown ({@link MarkdownReport}) rendered by
 * commonmark-java (CommonMark with GitHub tables; raw HTML in the text is escaped, never passed through), the charts
 * as PNG {@code data:} URIs, a table of contents, inside a page template ({@code report.html} beside this class:
 * inline CSS, no scripts; a content security policy forbids scripts and network access). Every text, attribute and
 * the title go through commonmark's {@link HtmlWriter}, which encodes them for HTML.
 */
final class HtmlReport {

    /** Allows inline styles and {@code data:} images only (the template's policy). */
    static final String CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; "
            + "form-action 'none'";

    private static final String TEMPLATE = template();
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();

    private HtmlReport() {
    }

    private static String template() {
        return resource("report.html");
    }

    /** @return a text resource beside this class (a page template), read as UTF-8 */
    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " template missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code s} encoded as HTML text (also safe inside a quoted attribute) */
    static String text(String s) {
        StringBuilder sb = new StringBuilder();
        new HtmlWriter(sb).text(s == null ? "" : s);
        return sb.toString();
    }

    /** @return the HTML document: narrative, contents, charts, appendix */
    static String render(ReportData r, List<Figure> figures) {
        StringBuilder narrative = new StringBuilder();
        MarkdownReport.render(Sections.narrative(r), narrative);
        StringBuilder appendix = new StringBuilder();
        MarkdownReport.render(Sections.appendix(r), appendix);
        Node first = PARSER.parse(narrative.toString());
        Node last = PARSER.parse(appendix.toString());
        // section ids in document order: s1, s2, ... (the charts' heading is one of them)
        Map<Node, String> ids = new IdentityHashMap<>();
        List<String[]> toc = new ArrayList<>();
        collect(first, ids, toc);
        toc.add(new String[] {"charts", "Charts"});
        collect(last, ids, toc);
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).sanitizeUrls(true)
                .attributeProviderFactory(ctx -> (node, tag, attrs) -> {
                    String id = ids.get(node);
                    if (id != null) {
                        attrs.put("id", id);
                    }
                    if (node instanceof Paragraph && node.getFirstChild() instanceof StrongEmphasis
                            && node.getFirstChild().getNext() == null) {
                        attrs.put("class", "headline");
                    }
                }).build();
        StringBuilder body = new StringBuilder(1 << 20);
        String head = renderer.render(first);
        // the contents go before the first section
        int at = head.indexOf("<h2");
        body.append(at < 0 ? head : head.substring(0, at));
        HtmlWriter w = new HtmlWriter(body);
        toc(w, toc);
        body.append(at < 0 ? "" : head.substring(at));
        w.tag("h2", Map.of("id", "charts"));
        w.text("Charts");
        w.tag("/h2");
        w.line();
        boolean inGrid = false;
        for (Figure f : figures) {
            if (f.small() != inGrid) {
                if (inGrid) {
                    w.tag("/div");
                } else {
                    w.tag("div", Map.of("class", "grid"));
                }
                w.line();
                inGrid = f.small();
            }
            figure(w, f);
        }
        if (inGrid) {
            w.tag("/div");
            w.line();
        }
        body.append(renderer.render(last));
        return fill(TEMPLATE, "{{TITLE}}", text(r.narrative.title()), "{{BODY}}", body.toString());
    }

    /**
     * The template with two placeholders filled, each found once in the template itself (so text inserted for the
     * first is never read as the second).
     */
    static String fill(String template, String first, String firstValue, String second, String secondValue) {
        int a = template.indexOf(first);
        int b = template.indexOf(second);
        if (a < 0 || b < 0 || b < a) {
            throw new IllegalStateException("template placeholders missing or out of order");
        }
        return template.substring(0, a) + firstValue + template.substring(a + first.length(), b) + secondValue
                + template.substring(b + second.length());
    }

    /** Gives each level-2 heading an id and a contents entry. */
    private static void collect(Node doc, Map<Node, String> ids, List<String[]> toc) {
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Heading h && h.getLevel() == 2) {
                String id = "s" + (toc.size() + 1);
                ids.put(h, id);
                toc.add(new String[] {id, plain(h)});
            }
        }
    }

    /** The text of a node's inline children. */
    private static String plain(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                sb.append(t.getLiteral());
            } else {
                sb.append(plain(c));
            }
        }
        return sb.toString();
    }

    private static void toc(HtmlWriter w, List<String[]> entries) {
        w.tag("nav", orderedMap("class", "toc", "aria-label", "Contents"));
        w.tag("strong");
        w.text("Contents");
        w.tag("/strong");
        w.tag("ol");
        for (String[] e : entries) {
            w.tag("li");
            w.tag("a", Map.of("href", "#" + e[0]));
            w.text(e[1]);
            w.tag("/a");
            w.tag("/li");
        }
        w.tag("/ol");
        w.tag("/nav");
        w.line();
    }

    private static void figure(HtmlWriter w, Figure f) {
        w.tag("figure", Map.of("id", "fig-" + f.id()));
        w.tag("img", orderedMap("src", "data:image/png;base64," + Base64.getEncoder().encodeToString(f.png()),
                "alt", f.alt()), true);
        w.tag("figcaption");
        w.text(f.caption());
        w.tag("/figcaption");
        w.tag("/figure");
        w.line();
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
