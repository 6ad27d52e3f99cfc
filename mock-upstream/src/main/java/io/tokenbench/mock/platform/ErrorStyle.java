package io.tokenbench.mock.platform;

import io.tokenbench.mock.enforcement.RejectionRenderer;
import java.util.Locale;

/** Whose error contract rejections follow; see {@link RejectionRenderer} for the exact bodies. */
public enum ErrorStyle {
    NEWAPI,
    OPENAI,
    OPENROUTER,
    LITELLM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ErrorStyle parse(String wire) {
        for (ErrorStyle s : values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "must be one of newapi, openai, openrouter, litellm: " + wire);
    }
}
