package io.tokenbench.simulations.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.Optional;

/**
 * Reads media response bodies just far enough to tell a valid answer from a broken one (a broken
 * 200 is a {@code protocol_error}) and to take what the metrics need: images per response, prompt
 * tokens, speech event kinds, video job status. Pure and stateless.
 */
public final class MediaResponses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private MediaResponses() {}

    /**
     * An embeddings answer: {@code data[]} of {@code embedding} (float array or base64); prompt
     * tokens or -1.
     */
    public static Optional<Long> embeddings(String body) {
        JsonNode root = parse(body);
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode d : data) {
            JsonNode e = d.get("embedding");
            boolean ok =
                    e != null
                            && ((e.isArray() && !e.isEmpty())
                                    || (e.isTextual() && !e.asText().isEmpty()));
            if (!ok) {
                return Optional.empty();
            }
        }
        JsonNode tokens = root.path("usage").path("prompt_tokens");
        return Optional.of(tokens.isIntegralNumber() ? tokens.asLong() : -1L);
    }

    /**
     * An images answer: {@code data[]} of {@code b64_json} PNGs (checked by signature) or {@code
     * url}s; the number of images, or empty when broken.
     */
    public static Optional<Integer> images(String body) {
        JsonNode root = parse(body);
        JsonNode data = root == null ? null : root.get("data");
        if (data == null || !data.isArray() || data.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode d : data) {
            JsonNode b64 = d.get("b64_json");
            if (b64 != null && b64.isTextual()) {
                if (!isPng(b64.asText())) {
                    return Optional.empty();
                }
            } else if (!d.path("url").isTextual()) {
                return Optional.empty();
            }
        }
        return Optional.of(data.size());
    }

    /** A transcription answer ({@code json} format): a {@code text} field. */
    public static boolean transcription(String body) {
        JsonNode root = parse(body);
        return root != null && root.path("text").isTextual();
    }

    /** What one speech SSE payload is. */
    public enum SpeechEvent {
        AUDIO,
        DONE,
        ERROR,
        OTHER,
        MALFORMED
    }

    /** One speech SSE payload: its kind and, for AUDIO, the decoded audio bytes it carries. */
    public record SpeechChunk(SpeechEvent kind, int audioBytes) {}

    /**
     * {@code speech.audio.delta} with audio is AUDIO, {@code speech.audio.done} DONE, {@code
     * {"error":..}} ERROR.
     */
    public static SpeechEvent speechEvent(String payload) {
        return speechChunk(payload).kind();
    }

    public static SpeechChunk speechChunk(String payload) {
        JsonNode root = parse(payload);
        if (root == null || !root.isObject()) {
            return new SpeechChunk(SpeechEvent.MALFORMED, 0);
        }
        if (root.has("error")) {
            return new SpeechChunk(SpeechEvent.ERROR, 0);
        }
        String type = root.path("type").asText("");
        if (type.equals("speech.audio.delta")) {
            String audio = root.path("audio").isTextual() ? root.path("audio").asText() : "";
            return audio.isEmpty()
                    ? new SpeechChunk(SpeechEvent.MALFORMED, 0)
                    : new SpeechChunk(SpeechEvent.AUDIO, base64Length(audio));
        }
        return new SpeechChunk(
                type.equals("speech.audio.done") ? SpeechEvent.DONE : SpeechEvent.OTHER, 0);
    }

    /** Decoded length of padded base64 text, without decoding it. */
    static int base64Length(String b64) {
        int n = b64.length();
        int pad =
                n > 0 && b64.charAt(n - 1) == '=' ? (n > 1 && b64.charAt(n - 2) == '=' ? 2 : 1) : 0;
        return n / 4 * 3 - pad;
    }

    /**
     * A video object: its id and status ({@code queued}, {@code in_progress}, {@code completed},
     * {@code failed}).
     */
    public record Video(String id, String status) {
        public boolean terminal() {
            return status.equals("completed") || status.equals("failed");
        }
    }

    public static Optional<Video> video(String body) {
        JsonNode root = parse(body);
        if (root == null || !root.path("id").isTextual() || !root.path("status").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(new Video(root.get("id").asText(), root.get("status").asText()));
    }

    private static boolean isPng(String b64) {
        try {
            byte[] head = Base64.getDecoder().decode(b64.substring(0, Math.min(b64.length(), 12)));
            if (head.length < PNG.length) {
                return false;
            }
            for (int i = 0; i < PNG.length; i++) {
                if (head[i] != PNG[i]) {
                    return false;
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
