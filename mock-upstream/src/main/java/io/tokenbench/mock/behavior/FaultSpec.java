package io.tokenbench.mock.behavior;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One fault with its parameter, as written {@code name} or {@code name:param} (for example {@code
 * stream_reset:5}, {@code stall:3s}, {@code http_429:250ms}).
 *
 * @param fault the fault
 * @param param a count, or nanoseconds for duration parameters; 0 when the fault takes none
 */
public record FaultSpec(Fault fault, long param) {

    public FaultSpec {
        Objects.requireNonNull(fault, "fault");
        if (param < 0) {
            throw new IllegalArgumentException(fault.wireName() + " parameter must be >= 0");
        }
    }

    public static FaultSpec of(Fault fault) {
        return new FaultSpec(fault, fault.defaultParam());
    }

    /** Parses {@code name[:param]}; throws {@link IllegalArgumentException} naming the problem. */
    public static FaultSpec parse(String text) {
        String trimmed = text.strip();
        int colon = trimmed.indexOf(':');
        String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
        Fault fault =
                Fault.byWireName(name)
                        .orElseThrow(
                                () ->
                                        new IllegalArgumentException(
                                                "unknown fault '"
                                                        + name
                                                        + "' (known: "
                                                        + knownNames()
                                                        + ")"));
        if (colon < 0) {
            return of(fault);
        }
        String param = trimmed.substring(colon + 1);
        return switch (fault.paramKind()) {
            case NONE ->
                    throw new IllegalArgumentException("fault " + name + " takes no parameter");
            case COUNT -> {
                if (!param.matches("\\d{1,9}")) {
                    throw new IllegalArgumentException(
                            "fault " + name + " needs a chunk count, got '" + param + "'");
                }
                yield new FaultSpec(fault, Long.parseLong(param));
            }
            case DURATION -> new FaultSpec(fault, DistParser.durationNanos(param));
        };
    }

    /** The text form, parseable by {@link #parse}. */
    public String text() {
        return switch (fault.paramKind()) {
            case NONE -> fault.wireName();
            case COUNT -> fault.wireName() + ":" + param;
            case DURATION ->
                    fault.wireName()
                            + ":"
                            + (param % 1_000_000 == 0 ? param / 1_000_000 + "ms" : param + "ns");
        };
    }

    public static String knownNames() {
        return Arrays.stream(Fault.values()).map(Fault::wireName).collect(Collectors.joining(", "));
    }
}
