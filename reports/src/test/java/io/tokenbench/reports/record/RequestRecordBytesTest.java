package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;

/**
 * The request log's writer writes each record straight to UTF-8 bytes ({@link
 * RequestRecordJson#write}): the bytes are exactly those of the String line {@link
 * RequestRecordJson#toJson} builds (the format the readers and reports/README.md know), for any
 * record; and the gzip file {@link RequestLog} writes decompresses to those lines in order.
 */
class RequestRecordBytesTest {
    private Path dir;

    @BeforeTry
    void createDir() throws IOException {
        dir = Files.createTempDirectory("request-log");
    }

    @AfterTry
    void deleteDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 2000)
    void bytesAreTheUtf8OfTheStringLine(@ForAll("records") RequestRecord r) {
        JsonLineBytes out = new JsonLineBytes(16);
        out.append('x'); // written after what is already there
        RequestRecordJson.write(r, RequestRecordJson.quotedUtf8(r.injector()), out);
        byte[] expected =
                ("x" + RequestRecordJsonReference.toJson(r)).getBytes(StandardCharsets.UTF_8);
        assertThat(java.util.Arrays.copyOf(out.array(), out.size())).isEqualTo(expected);
    }

    @Property(tries = 30)
    void theLogFileHoldsTheStringLinesInOrder(
            @ForAll("logs") List<RequestRecord> records, @ForAll("capacities") int capacity)
            throws IOException, InterruptedException {
        Path file = dir.resolve(RequestLog.FILE);
        RequestLog log = RequestLog.open(file, capacity);
        StringBuilder expected = new StringBuilder();
        for (RequestRecord r : records) {
            while (!log.offer(r)) {
                Thread.sleep(1); // a small queue: wait for the writer to take some
            }
            expected.append(RequestRecordJsonReference.toJson(r)).append('\n');
        }
        RequestLog.Stats stats = log.stats();
        assertThat(stats.written()).isEqualTo(records.size());
        assertThat(gunzip(file)).isEqualTo(expected.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    @Provide
    Arbitrary<Integer> capacities() {
        return Arbitraries.of(64, RequestLog.DEFAULT_CAPACITY);
    }

    @Provide
    Arbitrary<List<RequestRecord>> logs() {
        // up to ~1,800 lines of ~300 bytes: across the writer's 64 KiB buffer several times; the
        // injector mostly the same (quoted once), sometimes another
        Arbitrary<String> injector =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(20, Arbitraries.just("0")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of("1", "inj\u00e9ctor \"2\"")));
        return Combinators.combine(records(), injector)
                .as(RequestRecordBytesTest::withInjector)
                .list()
                .ofMinSize(0)
                .ofMaxSize(1800);
    }

    private static RequestRecord withInjector(RequestRecord r, String injector) {
        return new RequestRecord(
                r.id(),
                r.endpoint(),
                r.phase(),
                injector,
                r.outcome(),
                r.status(),
                r.tSchedEpochMillis(),
                r.tSendEpochMillis(),
                r.ttfbMillis(),
                r.ttftMillis(),
                r.e2eMillis(),
                r.inputTokens(),
                r.outputTokens(),
                r.outputTokensCounted(),
                r.retries());
    }

    @Provide
    Arbitrary<RequestRecord> records() {
        Arbitrary<String> text =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                RequestRecord.WARMUP, RequestRecord.MEASURED, RequestRecord.GRACE),
                        Arbitraries.strings().ofMaxLength(12), // any char: escapes, surrogates
                        Arbitraries.strings().withCharRange('\u0080', '\u07ff').ofMaxLength(4));
        Arbitrary<Double> times =
                Arbitraries.oneOf(
                        Arbitraries.doubles().between(1.7e12, 1.8e12).ofScale(6),
                        Arbitraries.doubles().between(-5, 200_000).ofScale(4),
                        Arbitraries.doubles(), // any magnitude, negative too
                        Arbitraries.of(
                                Double.NaN,
                                0.0,
                                -0.0,
                                0.0005,
                                -0.0005,
                                0.9995,
                                Double.MAX_VALUE,
                                Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY));
        Arbitrary<Long> counts =
                Arbitraries.oneOf(
                        Arbitraries.longs().between(-1, 100_000),
                        Arbitraries.longs(),
                        Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 9L, 10L, 99L, 100L));
        Arbitrary<Integer> ints =
                Arbitraries.oneOf(
                        Arbitraries.integers().between(0, 999),
                        Arbitraries.integers(),
                        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
        return Combinators.combine(
                        Combinators.combine(
                                        counts,
                                        Arbitraries.of(EndpointClass.class),
                                        text,
                                        text,
                                        Arbitraries.of(Outcome.class),
                                        ints)
                                .as(Head::new),
                        times.list().ofSize(5),
                        counts.list().ofSize(3),
                        ints)
                .as(
                        (h, t, c, retries) ->
                                new RequestRecord(
                                        h.id,
                                        h.endpoint,
                                        h.phase,
                                        h.injector,
                                        h.outcome,
                                        h.status,
                                        t.get(0),
                                        t.get(1),
                                        t.get(2),
                                        t.get(3),
                                        t.get(4),
                                        c.get(0),
                                        c.get(1),
                                        c.get(2),
                                        retries));
    }

    private record Head(
            long id,
            EndpointClass endpoint,
            String phase,
            String injector,
            Outcome outcome,
            int status) {}
}
