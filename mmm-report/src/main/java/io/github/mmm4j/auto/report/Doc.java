package io.github.mmm4j.auto.report;

import java.util.List;

/**
 * A format-neutral report document: blocks of plain text that the Markdown and HTML writers render, each escaping
 * the text for its format.
 */
final class Doc {

    private Doc() {
    }

    /** One block of the document. */
    sealed interface Block permits Heading, Para, Bullets, Table, Figure {
    }

    /**
     * A heading.
     *
     * @param level 1 for the title, 2 for a section, 3 for a subsection
     * @param text the heading
     */
    record Heading(int level, String text) implements Block {
    }

    /**
     * A paragraph.
     *
     * @param text the text
     * @param emphasis whether to show it emphasised (the headline)
     */
    record Para(String text, boolean emphasis) implements Block {
        Para(String text) {
            this(text, false);
        }
    }

    /**
     * A bulleted list.
     *
     * @param items the items
     */
    record Bullets(List<String> items) implements Block {
        Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * A table.
     *
     * @param header the column headings
     * @param numeric per column, whether it holds numbers (right-aligned)
     * @param rows the rows, each as long as the header
     */
    record Table(List<String> header, List<Boolean> numeric, List<List<String>> rows) implements Block {
        Table {
            header = List.copyOf(header);
            numeric = List.copyOf(numeric);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A chart: shown as an image in HTML, named in Markdown.
     *
     * @param id a short, stable name (an HTML anchor: {@code fig-ID})
     * @param png the PNG bytes
     * @param alt the alternative text
     * @param caption the caption
     * @param small whether it is one of a grid of small charts
     */
    record Figure(String id, byte[] png, String alt, String caption, boolean small) implements Block {
    }
}
