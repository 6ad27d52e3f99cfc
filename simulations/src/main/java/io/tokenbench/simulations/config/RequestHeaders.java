package io.tokenbench.simulations.config;

import io.tokenbench.options.HeaderSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The user's extra request headers ({@code --header}, {@code --header-env}), in command-line order.
 * A later header of the same name (case-insensitive) replaces an earlier one for the lanes it
 * applies to; a user header replaces tokenbench's own ({@code Authorization}, {@code Accept}).
 */
public record RequestHeaders(List<HeaderSpec> specs) {
    public static final RequestHeaders NONE = new RequestHeaders(List.of());

    public RequestHeaders {
        specs = List.copyOf(specs);
    }

    /** The headers (name to value) lane {@code laneName} sends, on top of {@code base}. */
    public Map<String, String> forLane(String laneName, Map<String, String> base) {
        Map<String, String> out = new LinkedHashMap<>(base);
        for (HeaderSpec h : specs) {
            if (h.appliesTo(laneName)) {
                out.keySet().removeIf(k -> k.equalsIgnoreCase(h.name()));
                out.put(h.name(), h.value().text());
            }
        }
        return out;
    }

    /** Rejects a lane prefix naming none of {@code lanes} (a typo would silently drop a header). */
    public void requireLanes(List<String> lanes, String option) {
        for (HeaderSpec h : specs) {
            if (h.lane().isPresent() && !lanes.contains(h.lane().get())) {
                throw new IllegalArgumentException(
                        option
                                + ": lane '"
                                + h.lane().get()
                                + "' is not one of this run's lanes "
                                + lanes);
            }
        }
    }

    /** The header names for run.json: never a value. */
    public String describe() {
        return specs.stream().map(HeaderSpec::describe).collect(Collectors.joining(", "));
    }

    public boolean isEmpty() {
        return specs.isEmpty();
    }
}
