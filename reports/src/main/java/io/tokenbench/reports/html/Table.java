package io.tokenbench.reports.html;

import java.util.ArrayList;
import java.util.List;

/**
 * An HTML table: text columns left-aligned, number columns right-aligned, cells optionally coloured
 * by a {@link Severity} or holding a link.
 */
public final class Table {

    /** One cell: its text, whether it is a number, its severity (null: none), a link (or null). */
    public record Cell(String text, boolean number, Severity severity, String href) {
        public static Cell text(String text) {
            return new Cell(text, false, null, null);
        }

        public static Cell num(String text) {
            return new Cell(text, true, null, null);
        }

        public static Cell link(String text, String href) {
            return new Cell(text, false, null, href);
        }

        public Cell with(Severity s) {
            return new Cell(text, number, s, href);
        }
    }

    private final List<String> header;
    private final int textColumns;
    private final List<List<Cell>> rows = new ArrayList<>();
    private String cssClass = "";

    /** A table whose first {@code textColumns} columns are text and the others numbers. */
    public Table(List<String> header, int textColumns) {
        this.header = List.copyOf(header);
        this.textColumns = textColumns;
    }

    public Table cssClass(String css) {
        this.cssClass = css;
        return this;
    }

    /** A row of cells. */
    public Table row(List<Cell> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    /** A row of plain strings, aligned by column kind. */
    public Table strings(List<String> cells) {
        List<Cell> row = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            row.add(i < textColumns ? Cell.text(cells.get(i)) : Cell.num(cells.get(i)));
        }
        return row(row);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public String toHtml() {
        StringBuilder sb = new StringBuilder("<table");
        if (!cssClass.isEmpty()) {
            sb.append(" class=\"").append(Html.escape(cssClass)).append('"');
        }
        sb.append("><thead><tr>");
        for (int i = 0; i < header.size(); i++) {
            sb.append(i < textColumns ? "<th>" : "<th class=\"n\">")
                    .append(Html.escape(header.get(i)))
                    .append("</th>");
        }
        sb.append("</tr></thead><tbody>");
        for (List<Cell> row : rows) {
            sb.append("<tr>");
            for (Cell c : row) {
                List<String> classes = new ArrayList<>();
                if (c.number()) {
                    classes.add("n");
                }
                if (c.severity() != null) {
                    classes.add(c.severity().css());
                }
                sb.append(
                        classes.isEmpty()
                                ? "<td>"
                                : "<td class=\"" + String.join(" ", classes) + "\">");
                if (c.href() != null) {
                    sb.append("<a href=\"")
                            .append(Html.escape(c.href()))
                            .append("\">")
                            .append(Html.escape(c.text()))
                            .append("</a>");
                } else {
                    sb.append(Html.escape(c.text()));
                }
                sb.append("</td>");
            }
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>\n").toString();
    }
}
