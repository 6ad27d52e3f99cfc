package io.tokenbench.reports.html;

import java.util.ArrayList;
import java.util.List;

/**
 * One self-contained page: header (what kind of report, title, one line of facts), a table of
 * contents built from the sections, the sections, and everything inlined (stylesheet, uPlot, our
 * chart script): the file opens offline and fetches nothing.
 *
 * <p>The render check for the headless-browser test lives in a hidden {@code #tb-check} element
 * (attributes only, no text): the page declares how many charts it holds ({@code
 * data-expected-charts} on the body) and the chart script records how many it drew.
 */
public final class Page {

    private record Section(String id, String title, String html) {}

    private final String kind;
    private final String title;
    private final List<String> facts = new ArrayList<>();
    private String lead = "";
    private final List<Section> sections = new ArrayList<>();

    /**
     * @param kind what the page is ({@code run report}, {@code compare}, {@code capacity sweep})
     * @param title the title (a scenario name, the two runs)
     */
    public Page(String kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    /** A short fact under the title (target, load, start time). */
    public Page fact(String text) {
        if (text != null && !text.isBlank()) {
            facts.add(text);
        }
        return this;
    }

    /** HTML shown first, before the table of contents (the headline). */
    public Page lead(String html) {
        this.lead = html;
        return this;
    }

    /** A section listed in the table of contents; {@code html} is its body (already escaped). */
    public Page section(String id, String sectionTitle, String html) {
        sections.add(new Section(id, sectionTitle, html));
        return this;
    }

    /** A section placed before the others. */
    public Page sectionFirst(String id, String sectionTitle, String html) {
        sections.add(0, new Section(id, sectionTitle, html));
        return this;
    }

    /** The number of charts in the page. */
    public int charts() {
        int n = count(lead);
        for (Section s : sections) {
            n += count(s.html());
        }
        return n;
    }

    private static int count(String html) {
        int n = 0;
        for (int i = html.indexOf("<figure class=\"tb-chart\"");
                i >= 0;
                i = html.indexOf("<figure class=\"tb-chart\"", i + 1)) {
            n++;
        }
        return n;
    }

    public String render() {
        StringBuilder sb = new StringBuilder(Assets.UPLOT_JS.length() + 64 * 1024);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"generator\" content=\"tokenbench (uPlot ")
                .append(Assets.UPLOT_VERSION)
                .append(")\"><title>tokenbench ")
                .append(Html.escape(kind))
                .append(": ")
                .append(Html.escape(title))
                .append("</title>\n<style>")
                .append(Assets.UPLOT_CSS)
                .append('\n')
                .append(Assets.CSS)
                .append("</style></head>\n<body data-expected-charts=\"")
                .append(charts())
                .append(
                        "\">\n<header class=\"tb-head\"><div class=\"in\"><div class=\"tb-kind\">tokenbench ")
                .append(Html.escape(kind))
                .append("</div><h1>")
                .append(Html.escape(title))
                .append("</h1>");
        if (!facts.isEmpty()) {
            sb.append("<div class=\"tb-sub\">");
            facts.forEach(f -> sb.append("<span>").append(Html.escape(f)).append("</span>"));
            sb.append("</div>");
        }
        sb.append("</div></header>\n");
        if (sections.size() > 1) {
            sb.append("<nav class=\"toc\" aria-label=\"contents\"><div class=\"in\">");
            for (Section s : sections) {
                sb.append("<a href=\"#")
                        .append(Html.escape(s.id()))
                        .append("\">")
                        .append(Html.escape(s.title()))
                        .append("</a>");
            }
            sb.append("</div></nav>\n");
        }
        sb.append("<main>\n").append(lead);
        for (Section s : sections) {
            sb.append("<section id=\"")
                    .append(Html.escape(s.id()))
                    .append("\"><h2>")
                    .append(Html.escape(s.title()))
                    .append("</h2>\n")
                    .append(s.html())
                    .append("</section>\n");
        }
        sb.append("</main>\n<div id=\"tb-check\" hidden data-status=\"pending\"></div>\n")
                .append("<script>")
                .append(Assets.UPLOT_JS)
                .append("</script>\n<script>")
                .append(Assets.CHARTS_JS)
                .append("</script>\n</body></html>\n");
        return sb.toString();
    }
}
