package io.tokenbench.reports.format;

import java.util.Locale;
import java.util.Optional;

/** The output formats, by the name used in {@code --format}. */
public enum OutputFormat {
    TEXT("text", new TextRenderer()),
    MARKDOWN("markdown", new MarkdownRenderer()),
    JSON("json", new JsonRenderer()),
    JUNIT("junit", new JunitRenderer()),
    HTML("html", new HtmlRenderer());

    private final String cliName;
    private final Renderer renderer;

    OutputFormat(String cliName, Renderer renderer) {
        this.cliName = cliName;
        this.renderer = renderer;
    }

    public String cliName() {
        return cliName;
    }

    public Renderer renderer() {
        return renderer;
    }

    public static Optional<OutputFormat> fromCliName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (OutputFormat f : values()) {
            if (f.cliName.equals(n) || (f == MARKDOWN && n.equals("md"))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
