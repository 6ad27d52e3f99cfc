package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The latency model on the legacy completions and Responses endpoints, timed by a raw client that
 * timestamps each event as it arrives. One-sided bounds only: the k-th token arrives no earlier
 * than TTFT + (k - 1) × ITL after the request was sent (each event is scheduled at that absolute
 * time).
 */
@ExtendWith(NoLeaks.class)
class TextApisTimingTest {

    private static final long TTFT_NANOS = 150_000_000L;
    private static final long ITL_NANOS = 30_000_000L;
    private static final int TOKENS = 4;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static MockUpstream mock;

    @BeforeAll
    static void start() {
        mock =
                MockUpstream.start(
                        MockConfig.defaults()
                                .withPort(0)
                                .withIoThreads(1)
                                .withBehavior(
                                        Behavior.DEFAULT
                                                .withTtft(DistParser.durations("150ms"))
                                                .withItl(DistParser.durations("30ms"))
                                                .withOutputTokens(DistParser.counts("" + TOKENS))));
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                .header("Authorization", "Bearer " + MockConfig.DEFAULT_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** An SSE line and the nanoseconds from sending the request to reading it. */
    private record Timed(String line, long nanos) {}

    private static List<Timed> timedLines(HttpRequest request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response =
                HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Timed> lines = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(new Timed(line, System.nanoTime() - start));
            }
        }
        return lines;
    }

    private static void assertTokenTimes(List<Timed> lines, Predicate<String> isToken) {
        List<Long> tokenNanos =
                lines.stream().filter(t -> isToken.test(t.line())).map(Timed::nanos).toList();
        assertThat(tokenNanos).hasSize(TOKENS);
        for (int k = 0; k < TOKENS; k++) {
            assertThat(tokenNanos.get(k))
                    .as("token %d", k + 1)
                    .isGreaterThanOrEqualTo(TTFT_NANOS + k * ITL_NANOS);
        }
    }

    @Test
    void responsesDeltasComeAtTtftThenEveryItlAfterTheLifecycleEvents() throws Exception {
        List<Timed> lines =
                timedLines(
                        post(
                                        "/v1/responses",
                                        "{\"model\":\"MiniMax-M3\",\"stream\":true,\"input\":\"hi\"}")
                                .build());
        assertTokenTimes(
                lines, l -> l.startsWith("data: {\"type\":\"response.output_text.delta\""));
        List<String> events =
                lines.stream().map(Timed::line).filter(l -> l.startsWith("event: ")).toList();
        assertThat(events.subList(0, 2))
                .containsExactly("event: response.created", "event: response.in_progress");
        assertThat(events.get(events.size() - 1)).isEqualTo("event: response.completed");
    }

    @Test
    void completionsTextChunksComeAtTtftThenEveryItl() throws Exception {
        List<Timed> lines =
                timedLines(
                        post(
                                        "/v1/completions",
                                        "{\"model\":\"MiniMax-M3\",\"stream\":true,\"prompt\":\"hi\","
                                                + "\"max_tokens\":100}")
                                .build());
        assertTokenTimes(
                lines,
                l ->
                        l.startsWith("data: {")
                                && l.contains("\"text\":\"")
                                && !l.contains("\"text\":\"\""));
        assertThat(lines.get(lines.size() - 2).line()).isEqualTo("data: [DONE]");
    }

    @Test
    void perRequestHeadersOverrideTheLatencyModelOnBothApis() throws Exception {
        for (String[] api :
                new String[][] {
                    {
                        "/v1/responses",
                        "{\"model\":\"MiniMax-M3\",\"stream\":true,\"input\":\"hi\"}"
                    },
                    {
                        "/v1/completions",
                        "{\"model\":\"MiniMax-M3\",\"stream\":true,\"prompt\":\"hi\"}"
                    }
                }) {
            List<Timed> lines =
                    timedLines(
                            post(api[0], api[1])
                                    .header("x-mock-ttft-ms", "250")
                                    .header("x-mock-itl-ms", "50")
                                    .header("x-mock-output-tokens", "3")
                                    .build());
            List<Long> tokenNanos =
                    lines.stream()
                            .filter(
                                    t ->
                                            t.line().contains("\"delta\":\"")
                                                    || (t.line().contains("\"text\":\"")
                                                            && !t.line().contains("\"text\":\"\"")
                                                            && !t.line().contains("response.")))
                            .map(Timed::nanos)
                            .toList();
            assertThat(tokenNanos).as(api[0]).hasSize(3);
            for (int k = 0; k < 3; k++) {
                assertThat(tokenNanos.get(k))
                        .as(api[0] + " token " + (k + 1))
                        .isGreaterThanOrEqualTo(250_000_000L + k * 50_000_000L);
            }
        }
    }

    @Test
    void nonStreamedAnswersWaitForTtftPlusTheGapsOnBothApis() throws Exception {
        for (String[] api :
                new String[][] {
                    {"/v1/responses", "{\"model\":\"MiniMax-M3\",\"input\":\"hi\"}"},
                    {"/v1/completions", "{\"model\":\"MiniMax-M3\",\"prompt\":\"hi\"}"}
                }) {
            long start = System.nanoTime();
            HttpResponse<String> response =
                    HTTP.send(post(api[0], api[1]).build(), HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).as(api[0]).isEqualTo(200);
            assertThat(elapsed)
                    .as(api[0])
                    .isGreaterThanOrEqualTo(TTFT_NANOS + (TOKENS - 1) * ITL_NANOS);
        }
    }
}
