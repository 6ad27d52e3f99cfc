package io.tokenbench.mock.catalog;

import java.util.Arrays;
import java.util.Optional;

/** What a catalog model does; decides which endpoints accept it. */
public enum ModelKind {
    CHAT("chat"),
    EMBEDDING("embedding"),
    IMAGE("image"),
    SPEECH("speech"),
    TRANSCRIPTION("transcription"),
    VIDEO("video");

    private final String jsonName;

    ModelKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<ModelKind> byJsonName(String name) {
        return Arrays.stream(values()).filter(k -> k.jsonName.equals(name)).findFirst();
    }
}
