package io.github.mmm4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void sanitizeEscapesControlsAndLeavesOrdinaryTextAlone() {
        String plain = "tv_spend r\u00e1dio \u4e2d";
        assertSame(plain, Text.sanitize(plain));
        assertEquals("a\\u001B]0;pwned\\u0007b", Text.sanitize("a\u001b]0;pwned\u0007b"));
        assertEquals("x\\u000Ay\\u000Dz\\u0009", Text.sanitize("x\ny\rz\t"));
        assertEquals("\\u009B\\u007F\\u202Eabc", Text.sanitize("\u009b\u007f\u202eabc"));
        assertEquals("null", Text.sanitize(null));
    }

    @Property(tries = 300)
    void sanitizedTextHasNoUnsafeCharacter(@ForAll String s) {
        assertEquals(-1, Text.firstUnsafe(Text.sanitize(s)));
    }

    @Test
    void markdownEscapesMarkupHtmlAndControls() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Text.markdown("<script>alert(1)</script>"));
        assertEquals("\\*\\*md\\*\\* \\| paid_search \\_x", Text.markdown("**md** | paid_search _x"));
        assertEquals("a b\\u001B\\[31m", Text.markdown("a\nb\u001b[31m"));
    }

    @Test
    void editDistanceCountsATranspositionAsOneEdit() {
        assertEquals(0, Text.editDistance("revenue", "revenue"));
        assertEquals(1, Text.editDistance("reveune", "revenue"));
        assertEquals(1, Text.editDistance("revenu", "revenue"));
        assertEquals(2, Text.editDistance("rvenu", "revenue"));
        assertEquals(3, Text.editDistance("", "abc"));
    }

    @Test
    void closestFindsCloseNamesOnly() {
        List<String> columns = List.of("date_week", "y", "revenue", "tv_spend");
        assertEquals("revenue", Text.closest("Revenue", columns));
        assertEquals("revenue", Text.closest("reveune", columns));
        assertEquals("tv_spend", Text.closest("tv_spnd", columns));
        assertNull(Text.closest("sales", columns));
        assertNull(Text.closest("x", List.of("y")), "one letter is too short to guess from");
        assertEquals("; did you mean 'revenue'?", Text.didYouMean("revnue", columns));
        assertEquals("", Text.didYouMean("zzz", columns));
        assertTrue(Text.didYouMean("tvx", List.of("t\u001bvx")).contains("\\u001B"));
    }
}
