package io.github.mmm4j.auto.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class EscapingTest {

    @Test
    void htmlEncodesTheSpecialCharacters() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", HtmlReport.text("<script>alert(1)</script>"));
        assertEquals("a &amp; b &quot;c&quot;", HtmlReport.text("a & b \"c\""));
        assertEquals("&amp;amp;", HtmlReport.text("&amp;"));
        assertEquals("", HtmlReport.text(null));
        assertEquals("paid_search 2024 (week 3)", HtmlReport.text("paid_search 2024 (week 3)"));
    }

    @Property
    void htmlEncodedTextHasNoMarkupAndDecodesToTheInput(@ForAll String s) {
        String e = HtmlReport.text(s);
        for (char c : new char[] {'<', '>', '"'}) {
            assertTrue(e.indexOf(c) < 0, e);
        }
        String back = e.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
        assertEquals(s, back);
    }

    @Test
    void aTemplateIsFilledOnceEvenWhenAValueLooksLikeAPlaceholder() {
        assertEquals("<t>{{B}}</t><b>x</b>", HtmlReport.fill("<t>{{A}}</t><b>{{B}}</b>", "{{A}}", "{{B}}", "{{B}}",
                "x"));
    }

    @Test
    void markdownEscapesMarkupTableBarsAndHtml() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Markdown.escape("<script>alert(1)</script>"));
        assertEquals("a \\| b", Markdown.escape("a | b"));
        assertEquals("\\*bold\\* \\[link\\]", Markdown.escape("*bold* [link]"));
        assertEquals("paid_search", Markdown.escape("paid_search"));
        assertEquals("\\_x\\_", Markdown.escape("_x_"));
        assertEquals("one two", Markdown.escape("one\ntwo"));
        assertEquals("", Markdown.escape(null));
    }

    @Property
    void markdownEscapedTextCannotOpenATagOrBreakATableRow(@ForAll String s) {
        String e = Markdown.escape(s);
        assertFalse(e.contains("<"), e);
        assertFalse(e.contains("\n"), e);
        for (int i = e.indexOf('|'); i >= 0; i = e.indexOf('|', i + 1)) {
            int slashes = 0;
            for (int j = i - 1; j >= 0 && e.charAt(j) == '\\'; j--) {
                slashes++;
            }
            assertTrue(slashes % 2 == 1, "an unescaped | in " + e);
        }
    }

    @Test
    void formulaLikeTextIsRecognised() {
        for (String s : new String[] {"=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", Fixtures.FORMULA}) {
            assertTrue(WorkbookReport.formulaLike(s), s);
        }
        for (String s : new String[] {"", "tv", "1=1", " =1", "search"}) {
            assertFalse(WorkbookReport.formulaLike(s), s);
        }
    }
}
