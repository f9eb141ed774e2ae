package io.github.mmm4j.core;

import java.util.Locale;

/**
 * Bad input data: the one exception type mmm4j throws for a file or table it cannot accept. Unchecked, so
 * that JShell scripts and applications handle it where they choose.
 *
 * <p>The message names where the problem is and what is wrong, for example
 * {@code data.csv, line 18, column 3 ('tv_spend'): value 'abc' is not a number}. The location is also
 * available field by field; a part that does not apply (a problem with a whole column has no line) is
 * reported as -1 or null. The column name and value are {@linkplain Text#sanitize sanitised} in the message (a
 * control character shows as {@code \\uXXXX}), so the message is safe to print; the accessors return them raw.
 */
public class DataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int column;
    private final String columnName;
    private final String value;
    private final String problem;

    /**
     * @param source the file name or other source description, may be null
     * @param line the 1-based line number, or -1
     * @param column the 1-based column number, or -1
     * @param columnName the column's header name, may be null
     * @param value the offending raw value, may be null
     * @param problem what is wrong, in words
     */
    public DataException(String source, long line, int column, String columnName, String value, String problem) {
        super(format(source, line, column, columnName, value, problem));
        this.source = source;
        this.line = line;
        this.column = column;
        this.columnName = columnName;
        this.value = value;
        this.problem = problem;
    }

    /**
     * A problem with the whole source, not a location in it.
     *
     * @param source the file name or other source description, may be null
     * @param problem what is wrong, in words
     */
    public DataException(String source, String problem) {
        this(source, -1, -1, null, null, problem);
    }

    private static String format(String source, long line, int column, String columnName, String value,
            String problem) {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
        }
        if (line >= 0) {
            sb.append(sb.length() > 0 ? ", " : "").append("line ").append(line);
        }
        if (column >= 0 || columnName != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("column ");
            if (column >= 0) {
                sb.append(column);
                if (columnName != null) {
                    sb.append(" ('").append(Text.sanitize(columnName)).append("')");
                }
            } else {
                sb.append('\'').append(Text.sanitize(columnName)).append('\'');
            }
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        if (value != null) {
            sb.append(String.format(Locale.ROOT, "value '%s' ", abbreviate(Text.sanitize(value))));
        }
        sb.append(problem);
        return sb.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /** @return the file name or source description, or null */
    public String source() {
        return source;
    }

    /** @return the 1-based line number, or -1 when the problem has no single line */
    public long line() {
        return line;
    }

    /** @return the 1-based column number, or -1 when the problem has no single column */
    public int column() {
        return column;
    }

    /** @return the column's header name, or null */
    public String columnName() {
        return columnName;
    }

    /** @return the offending raw value, or null */
    public String value() {
        return value;
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }
}
