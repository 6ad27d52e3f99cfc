package io.tokenbench.reports.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps the first {@code perKey} failed responses of each (endpoint class, outcome, status) in
 * {@code errors.jsonl}: status, {@code Retry-After}, request-id and rate-limit headers, and the
 * body cut at {@link #MAX_BODY_BYTES} bytes, with API keys and Bearer tokens redacted ({@link
 * SecretText}, plus the keys in use given at construction).
 *
 * <p>Thread-safe. Bounded: at most {@code perKey} lines per key are ever written, so the file stays
 * small and the I/O (one flushed line per kept sample, under a lock) happens a bounded number of
 * times per run; a caller can ask {@link #wants} first to skip reading a body nobody keeps.
 */
public final class ErrorSampler implements AutoCloseable {

    public static final int DEFAULT_PER_KEY = 5;
    public static final int MAX_BODY_BYTES = 4096;

    /** Bodies longer than this are cut before redaction (bounds the regex work). */
    static final int MAX_SCANNED_CHARS = 64 * 1024;

    private final int perKey;
    private final List<String> knownSecrets;
    private final String injector;
    private final ConcurrentHashMap<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    private final LongAdder offered = new LongAdder();
    private final LongAdder kept = new LongAdder();
    private final Path file;
    private BufferedWriter out;
    private boolean closed;

    private ErrorSampler(
            Path runDir, int perKey, Collection<String> knownSecrets, String injector) {
        if (perKey < 0) {
            throw new IllegalArgumentException("perKey must be >= 0: " + perKey);
        }
        this.perKey = perKey;
        this.knownSecrets = List.copyOf(knownSecrets);
        this.injector = injector;
        this.file = runDir.resolve(ErrorSampleJson.FILE);
    }

    /**
     * A sampler writing {@code runDir/errors.jsonl} (created at the first kept sample).
     *
     * @param knownSecrets the API keys in use: redacted wherever they appear
     */
    public static ErrorSampler open(
            Path runDir, int perKey, Collection<String> knownSecrets, String injector) {
        return new ErrorSampler(runDir, perKey, knownSecrets, injector);
    }

    private static String key(EndpointClass endpoint, Outcome outcome, int status) {
        return endpoint.wireName() + '|' + outcome.wireName() + '|' + status;
    }

    /** True while this key has room; a hint (racy), {@link #offer} decides. */
    public boolean wants(EndpointClass endpoint, Outcome outcome, int status) {
        AtomicInteger n = seen.get(key(endpoint, outcome, status));
        return n == null || n.get() < perKey;
    }

    /**
     * Keeps the response when its key has room.
     *
     * @param status HTTP status, 0 when no response arrived
     * @param headers response headers (any case); only Retry-After, request-id and rate-limit ones
     *     are kept
     * @param body the response body as text, null or empty when none
     * @return true when it was written
     */
    public boolean offer(
            EndpointClass endpoint,
            Outcome outcome,
            int status,
            Map<String, String> headers,
            String body) {
        offered.increment();
        AtomicInteger n =
                seen.computeIfAbsent(key(endpoint, outcome, status), k -> new AtomicInteger());
        if (n.getAndIncrement() >= perKey) {
            return false;
        }
        String text = body == null ? "" : body;
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        String scanned =
                text.length() > MAX_SCANNED_CHARS ? text.substring(0, MAX_SCANNED_CHARS) : text;
        String redacted = SecretText.redact(scanned, knownSecrets, true);
        String cut = cut(redacted, MAX_BODY_BYTES);
        ErrorSample sample =
                new ErrorSample(
                        System.currentTimeMillis(),
                        endpoint,
                        outcome,
                        status,
                        injector,
                        keptHeaders(headers),
                        cut,
                        bytes,
                        scanned.length() < text.length() || cut.length() < redacted.length());
        if (!write(ErrorSampleJson.toJson(sample))) {
            return false; // closed: the run is over
        }
        kept.increment();
        return true;
    }

    /** Offers seen and samples kept. */
    public long offered() {
        return offered.sum();
    }

    public long kept() {
        return kept.sum();
    }

    private Map<String, String> keptHeaders(Map<String, String> headers) {
        Map<String, String> out = new TreeMap<>();
        if (headers == null) {
            return out;
        }
        headers.forEach(
                (name, value) -> {
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (isKeptHeader(lower) && value != null) {
                        out.put(lower, SecretText.redact(value, knownSecrets, false));
                    }
                });
        return out;
    }

    /** Retry-After, request ids ({@code x-request-id}, {@code X-Oneapi-Request-Id}...), limits. */
    static boolean isKeptHeader(String lowerName) {
        return lowerName.equals("retry-after")
                || lowerName.equals("retry-after-ms")
                || lowerName.endsWith("request-id")
                || lowerName.endsWith("requestid")
                || lowerName.equals("x-trace-id")
                || lowerName.equals("cf-ray")
                || lowerName.startsWith("x-ratelimit-");
    }

    /** The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes. */
    static String cut(String s, int maxBytes) {
        if (s.length() * 3L <= maxBytes) {
            return s;
        }
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > maxBytes) {
                return s.substring(0, i);
            }
            bytes += len;
            i += Character.charCount(cp);
        }
        return s;
    }

    private synchronized boolean write(String line) {
        if (closed) {
            return false;
        }
        try {
            if (out == null) {
                out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            }
            out.write(line);
            out.write('\n');
            out.flush();
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + file, e);
            }
        }
    }
}
