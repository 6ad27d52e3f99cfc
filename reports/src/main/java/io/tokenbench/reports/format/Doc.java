package io.tokenbench.reports.format;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain document (headings, paragraphs, bullet lists, tables) built once by {@link Docs} and
 * rendered as Markdown or aligned text, so both formats say the same thing.
 */
final class Doc {

    sealed interface Part permits Heading, Paragraph, Bullets, Table {}

    record Heading(int level, String text) implements Part {}

    record Paragraph(String text) implements Part {}

    record Bullets(List<String> items) implements Part {}

    record Table(List<String> header, List<List<String>> rows, int leftColumns) implements Part {}

    final List<Part> parts = new ArrayList<>();

    Doc heading(int level, String text) {
        parts.add(new Heading(level, text));
        return this;
    }

    Doc para(String text) {
        parts.add(new Paragraph(text));
        return this;
    }

    Doc bullets(List<String> items) {
        parts.add(new Bullets(List.copyOf(items)));
        return this;
    }

    Doc table(List<String> header, List<List<String>> rows) {
        return table(header, rows, 1);
    }

    /**
     * A table whose first {@code leftColumns} columns are text (left-aligned); the rest are
     * numbers.
     */
    Doc table(List<String> header, List<List<String>> rows, int leftColumns) {
        parts.add(new Table(List.copyOf(header), List.copyOf(rows), leftColumns));
        return this;
    }

    String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Heading h) {
                sb.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (p instanceof Paragraph para) {
                sb.append(para.text()).append("\n\n");
            } else if (p instanceof Bullets b) {
                b.items().forEach(i -> sb.append("- ").append(i).append('\n'));
                sb.append('\n');
            } else if (p instanceof Table t) {
                sb.append("| ").append(String.join(" | ", escape(t.header()))).append(" |\n|");
                for (int i = 0; i < t.header().size(); i++) {
                    sb.append(i < t.leftColumns() ? "---|" : "---:|");
                }
                sb.append('\n');
                for (List<String> row : t.rows()) {
                    sb.append("| ").append(String.join(" | ", escape(row))).append(" |\n");
                }
                sb.append('\n');
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }

    String toText() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Heading h) {
                sb.append(h.level() == 1 ? h.text().toUpperCase(java.util.Locale.ROOT) : h.text())
                        .append('\n');
                sb.append((h.level() == 1 ? "=" : "-").repeat(h.text().length())).append("\n\n");
            } else if (p instanceof Paragraph para) {
                sb.append(plain(para.text())).append("\n\n");
            } else if (p instanceof Bullets b) {
                b.items().forEach(i -> sb.append("  * ").append(plain(i)).append('\n'));
                sb.append('\n');
            } else if (p instanceof Table t) {
                int[] widths = new int[t.header().size()];
                List<List<String>> all = new ArrayList<>();
                all.add(t.header());
                all.addAll(t.rows());
                for (List<String> row : all) {
                    for (int i = 0; i < row.size(); i++) {
                        widths[i] = Math.max(widths[i], row.get(i).length());
                    }
                }
                for (List<String> row : all) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 0; i < row.size(); i++) {
                        String cell = row.get(i);
                        String pad = " ".repeat(widths[i] - cell.length());
                        line.append(i == 0 ? "" : "  ")
                                .append(i < t.leftColumns() ? cell + pad : pad + cell);
                    }
                    sb.append(line.toString().stripTrailing()).append('\n');
                }
                sb.append('\n');
            }
        }
        return sb.toString().stripTrailing() + "\n";
    }

    String toHtml() {
        StringBuilder sb = new StringBuilder();
        for (Part p : parts) {
            if (p instanceof Heading h) {
                int level = Math.min(6, h.level() + 1);
                sb.append("<h")
                        .append(level)
                        .append('>')
                        .append(inline(h.text()))
                        .append("</h")
                        .append(level)
                        .append(">\n");
            } else if (p instanceof Paragraph para) {
                sb.append("<p>").append(inline(para.text())).append("</p>\n");
            } else if (p instanceof Bullets b) {
                sb.append("<ul>");
                b.items().forEach(i -> sb.append("<li>").append(inline(i)).append("</li>"));
                sb.append("</ul>\n");
            } else if (p instanceof Table t) {
                sb.append("<table><thead><tr>");
                t.header().forEach(c -> sb.append("<th>").append(Xml.escape(c)).append("</th>"));
                sb.append("</tr></thead><tbody>");
                for (List<String> row : t.rows()) {
                    sb.append("<tr>");
                    for (int i = 0; i < row.size(); i++) {
                        sb.append(i < t.leftColumns() ? "<td>" : "<td class=\"n\">")
                                .append(Xml.escape(row.get(i)))
                                .append("</td>");
                    }
                    sb.append("</tr>");
                }
                sb.append("</tbody></table>\n");
            }
        }
        return sb.toString();
    }

    /** Drops Markdown emphasis and code marks for plain text. */
    private static String plain(String text) {
        return text.replaceAll("\\*\\*(.+?)\\*\\*", "$1").replaceAll("`(.+?)`", "$1");
    }

    /** Markdown-style **bold** and `code` to HTML, everything else escaped. */
    private static String inline(String text) {
        return Xml.escape(text)
                .replaceAll("\\*\\*(.+?)\\*\\*", "<b>$1</b>")
                .replaceAll("`(.+?)`", "<code>$1</code>");
    }

    private static List<String> escape(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).toList();
    }
}
