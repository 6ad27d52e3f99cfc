package io.tokenbench.simulations.keys.http;

import java.util.Map;
import java.util.Objects;

/**
 * One chat request the verifier sends: model, prompt, streaming, {@code max_tokens} (null =
 * absent), when to cancel a stream, and extra headers (the mock's {@code x-mock-*} overrides; empty
 * against a live gateway).
 *
 * @param cancelAfterContentEvents close the stream after this many content events; 0 = read to the
 *     end
 */
public record ChatProbe(
        String model,
        String prompt,
        boolean stream,
        Integer maxTokens,
        int cancelAfterContentEvents,
        Map<String, String> headers) {

    public ChatProbe {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be >= 1: " + maxTokens);
        }
        if (cancelAfterContentEvents < 0) {
            throw new IllegalArgumentException("cancelAfterContentEvents must be >= 0");
        }
        headers = Map.copyOf(headers);
    }

    public ChatProbe withStream(boolean s) {
        return new ChatProbe(model, prompt, s, maxTokens, cancelAfterContentEvents, headers);
    }

    public ChatProbe withMaxTokens(Integer m) {
        return new ChatProbe(model, prompt, stream, m, cancelAfterContentEvents, headers);
    }

    public ChatProbe withCancelAfter(int events) {
        return new ChatProbe(model, prompt, stream, maxTokens, events, headers);
    }

    public ChatProbe withHeader(String name, String value) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put(name, value);
        return new ChatProbe(model, prompt, stream, maxTokens, cancelAfterContentEvents, h);
    }
}
