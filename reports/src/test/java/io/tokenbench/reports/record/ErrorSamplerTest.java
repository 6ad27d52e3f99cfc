package io.tokenbench.reports.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorSamplerTest {

    @TempDir Path dir;

    private static final String KEY = "sk-live-4f9a2b7c1d8e3f6a5b0c";
    private static final String OPAQUE_KEY = "pt_9x7Yq2Lw"; // known key that looks like nothing

    @Test
    void keepsTheFirstNPerClassOutcomeAndStatusUnderConcurrency() throws Exception {
        ErrorSampler sampler = ErrorSampler.open(dir, 3, List.of(), "0");
        int threads = 8;
        int perThread = 200;
        AtomicInteger kept = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(
                    () -> {
                        go.await();
                        for (int i = 0; i < perThread; i++) {
                            int status = i % 2 == 0 ? 401 : 404;
                            if (sampler.offer(
                                    EndpointClass.CHAT,
                                    Outcome.HTTP_4XX,
                                    status,
                                    Map.of(),
                                    "{\"error\":{\"message\":\"no " + i + "\"}}")) {
                                kept.incrementAndGet();
                            }
                            if (sampler.offer(
                                    EndpointClass.EMBEDDINGS,
                                    Outcome.HTTP_5XX,
                                    500,
                                    Map.of(),
                                    "boom")) {
                                kept.incrementAndGet();
                            }
                        }
                        return null;
                    });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        sampler.close();

        List<ErrorSample> samples = ErrorSampleJson.read(dir);
        // three keys: chat/http_4xx/401, chat/http_4xx/404, embeddings/http_5xx/500
        assertThat(samples).hasSize(9);
        assertThat(kept.get()).isEqualTo(9);
        assertThat(sampler.kept()).isEqualTo(9);
        assertThat(sampler.offered()).isEqualTo(2L * threads * perThread);
        assertThat(samples.stream().filter(s -> s.status() == 401)).hasSize(3);
        assertThat(samples.stream().filter(s -> s.status() == 404)).hasSize(3);
        assertThat(samples.stream().filter(s -> s.endpoint() == EndpointClass.EMBEDDINGS))
                .hasSize(3)
                .allMatch(s -> s.outcome() == Outcome.HTTP_5XX && s.body().equals("boom"));
        assertThat(sampler.wants(EndpointClass.CHAT, Outcome.HTTP_4XX, 401)).isFalse();
        assertThat(sampler.wants(EndpointClass.CHAT, Outcome.HTTP_4XX, 403)).isTrue();
    }

    @Test
    void redactsKeysBearerTokensAndEchoedKeysInBodiesAndHeaders() throws Exception {
        ErrorSampler sampler = ErrorSampler.open(dir, 5, List.of(OPAQUE_KEY), "2");
        String body =
                "{\"error\":{\"message\":\"Incorrect API key provided: "
                        + KEY
                        + ". Header was Bearer "
                        + KEY
                        + "\",\"api_key\":\"my-own-secret-value\",\"used\":\""
                        + OPAQUE_KEY
                        + "\"}}";
        sampler.offer(
                EndpointClass.CHAT,
                Outcome.HTTP_4XX,
                401,
                Map.of(
                        "X-Request-Id", "req_01HZX5YV3K8Q2M7N4P6R9T0W1A",
                        "X-Oneapi-Request-Id", "a1b2c3",
                        "Retry-After", "2",
                        "Authorization", "Bearer " + KEY,
                        "Set-Cookie", "session=abc",
                        "x-ratelimit-remaining-requests", "0"),
                body);
        sampler.close();

        String file = Files.readString(dir.resolve(ErrorSampleJson.FILE));
        assertThat(file)
                .doesNotContain(KEY)
                .doesNotContain("4f9a2b7c1d8e3f6a5b0c")
                .doesNotContain(OPAQUE_KEY)
                .doesNotContain("my-own-secret-value")
                .doesNotContain("session=abc")
                .contains("Incorrect API key provided: [redacted]")
                .contains("Bearer [redacted]")
                .contains("\\\"api_key\\\":\\\"[redacted]\\\"");
        ErrorSample s = ErrorSampleJson.read(dir).get(0);
        // request ids survive (they are what the target's support asks for); auth headers do not
        assertThat(s.headers())
                .containsEntry("x-request-id", "req_01HZX5YV3K8Q2M7N4P6R9T0W1A")
                .containsEntry("x-oneapi-request-id", "a1b2c3")
                .containsEntry("retry-after", "2")
                .containsEntry("x-ratelimit-remaining-requests", "0")
                .doesNotContainKeys("authorization", "set-cookie");
        assertThat(s.status()).isEqualTo(401);
        assertThat(s.injector()).isEqualTo("2");
        assertThat(s.bodyTruncated()).isFalse();
    }

    @Test
    void cutsBodiesAtFourKibibytesAndRecordsTheOriginalLength() throws Exception {
        ErrorSampler sampler = ErrorSampler.open(dir, 5, List.of(), "0");
        StringBuilder big = new StringBuilder();
        while (big.length() < 10_000) {
            big.append("é upstream overloaded, try again later. ");
        }
        sampler.offer(EndpointClass.CHAT, Outcome.HTTP_5XX, 503, null, big.toString());
        sampler.offer(EndpointClass.CHAT, Outcome.CONNECT_FAILED, 0, Map.of(), null);
        sampler.close();
        // after close nothing is kept, even for a key with room
        assertThat(sampler.offer(EndpointClass.SPEECH, Outcome.HTTP_5XX, 500, Map.of(), "late"))
                .isFalse();
        assertThat(sampler.kept()).isEqualTo(2);
        List<ErrorSample> samples = ErrorSampleJson.read(dir);
        ErrorSample cut = samples.get(0);
        assertThat(cut.bodyTruncated()).isTrue();
        assertThat(cut.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(ErrorSampler.MAX_BODY_BYTES)
                .isGreaterThan(ErrorSampler.MAX_BODY_BYTES - 4);
        assertThat(cut.bodyBytes())
                .isEqualTo(big.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        assertThat(big.toString()).startsWith(cut.body());
        ErrorSample none = samples.get(1);
        assertThat(none.status()).isZero();
        assertThat(none.body()).isEmpty();
        assertThat(none.bodyTruncated()).isFalse();
    }

    @Test
    void aSamplerWithZeroPerKeyWritesNothing() {
        ErrorSampler sampler = ErrorSampler.open(dir, 0, List.of(), "0");
        assertThat(sampler.offer(EndpointClass.CHAT, Outcome.HTTP_5XX, 500, Map.of(), "x"))
                .isFalse();
        sampler.close();
        assertThat(dir.resolve(ErrorSampleJson.FILE)).doesNotExist();
        assertThat(ErrorSampleJson.read(dir)).isEqualTo(new ArrayList<ErrorSample>());
    }
}
