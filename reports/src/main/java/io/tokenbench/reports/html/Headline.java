package io.tokenbench.reports.html;

import java.util.List;

/**
 * The top of every page: a verdict box (state, one line why, optionally a table of checks and
 * flags) and the numbers people quote as tiles.
 */
public final class Headline {

    /** One headline number: label, value with unit, a small note, its severity. */
    public record Tile(String label, String value, String note, Severity severity) {}

    /** A flag shown in the verdict box with its own severity. */
    public record Flag(String code, String message, Severity severity) {}

    private Headline() {}

    /**
     * The verdict box.
     *
     * @param state the verdict in one or two words ({@code PASS}, {@code FAIL})
     * @param why one line of explanation
     * @param severity its colour
     * @param checks the checks as a table, or null
     * @param flags flags to show under it
     */
    public static String verdict(
            String state, String why, Severity severity, Table checks, List<Flag> flags) {
        StringBuilder sb =
                new StringBuilder("<div id=\"verdict\" class=\"verdict ")
                        .append(severity.css())
                        .append("\" data-verdict=\"")
                        .append(
                                Html.escape(
                                        state.toLowerCase(java.util.Locale.ROOT).replace(' ', '_')))
                        .append("\"><span class=\"state\">")
                        .append(Html.escape(state))
                        .append("</span><span class=\"why\">")
                        .append(Html.escape(why))
                        .append("</span>");
        if (checks != null && !checks.isEmpty()) {
            sb.append("<div class=\"checks\">")
                    .append(checks.cssClass("checks").toHtml())
                    .append("</div>");
        }
        if (!flags.isEmpty()) {
            sb.append("<div class=\"flags\">");
            for (Flag f : flags) {
                sb.append("<div class=\"flag ")
                        .append(f.severity().css())
                        .append("\" data-flag=\"")
                        .append(Html.escape(f.code()))
                        .append("\"><b>")
                        .append(Html.escape(f.code()))
                        .append("</b>: ")
                        .append(Html.escape(f.message()))
                        .append("</div>");
            }
            sb.append("</div>");
        }
        return sb.append("</div>\n").toString();
    }

    /** The headline numbers. */
    public static String tiles(List<Tile> tiles) {
        StringBuilder sb = new StringBuilder("<div class=\"tiles\" id=\"headline-numbers\">");
        for (Tile t : tiles) {
            sb.append("<div class=\"tile ")
                    .append(t.severity().css())
                    .append("\" data-tile=\"")
                    .append(Html.escape(t.label()))
                    .append("\"><div class=\"k\">")
                    .append(Html.escape(t.label()))
                    .append("</div><div class=\"v\">")
                    .append(Html.escape(t.value()))
                    .append("</div>");
            if (t.note() != null && !t.note().isEmpty()) {
                sb.append("<div class=\"s\">").append(Html.escape(t.note())).append("</div>");
            }
            sb.append("</div>");
        }
        return sb.append("</div>\n").toString();
    }

    /** A bulleted list of warnings, each with its severity. */
    public static String warnings(List<Flag> warnings) {
        StringBuilder sb = new StringBuilder("<ul class=\"warnings\">");
        for (Flag w : warnings) {
            sb.append("<li class=\"flag ")
                    .append(w.severity().css())
                    .append("\" data-warning=\"")
                    .append(Html.escape(w.code()))
                    .append("\">")
                    .append(Html.escape(w.message()))
                    .append("</li>");
        }
        return sb.append("</ul>\n").toString();
    }
}
