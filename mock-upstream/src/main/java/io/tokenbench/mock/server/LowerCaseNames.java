package io.tokenbench.mock.server;

import io.netty.util.AsciiString;
import io.tokenbench.mock.behavior.RequestOverrides;
import java.util.List;
import java.util.Locale;

/**
 * Request header names in lower case for the request log, without a new String for the names
 * clients usually send: those come from a fixed table (matched ignoring ASCII case, by Netty's
 * case-insensitive ASCII hash); any other name is lower-cased as before. Immutable; thread-safe.
 */
final class LowerCaseNames {

    private static final List<String> KNOWN =
            List.of(
                    "host",
                    "user-agent",
                    "accept",
                    "accept-encoding",
                    "accept-language",
                    "content-type",
                    "content-length",
                    "authorization",
                    "connection",
                    "keep-alive",
                    "transfer-encoding",
                    "expect",
                    "te",
                    "cookie",
                    "origin",
                    "referer",
                    "traceparent",
                    "tracestate",
                    "idempotency-key",
                    "api-key",
                    "x-api-key",
                    "x-request-id",
                    "openai-organization",
                    "openai-project",
                    "x-stainless-lang",
                    "x-stainless-package-version",
                    "x-stainless-os",
                    "x-stainless-arch",
                    "x-stainless-runtime",
                    "x-stainless-runtime-version",
                    "x-stainless-async",
                    "x-stainless-timeout",
                    "x-stainless-read-timeout",
                    RequestOverrides.RETRY_COUNT,
                    RequestOverrides.TTFT_MS,
                    RequestOverrides.ITL_MS,
                    RequestOverrides.OUTPUT_TOKENS,
                    RequestOverrides.FAULT,
                    RequestOverrides.SEED,
                    RequestOverrides.FAULT_ATTEMPTS);

    private static final int SLOTS = 256;
    private static final String[] TABLE = new String[SLOTS];

    static {
        for (String name : KNOWN) {
            int slot = AsciiString.hashCode(name) & (SLOTS - 1);
            if (TABLE[slot] == null) { // on a collision the later name takes the slow path
                TABLE[slot] = name;
            }
        }
    }

    private LowerCaseNames() {}

    /** {@code name} in lower case, as {@code name.toString().toLowerCase(Locale.ROOT)}. */
    static String of(CharSequence name) {
        String known = TABLE[AsciiString.hashCode(name) & (SLOTS - 1)];
        if (known != null && AsciiString.contentEqualsIgnoreCase(known, name)) {
            return known;
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }
}
