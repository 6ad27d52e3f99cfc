package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.LoadSlowdown;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real sockets on port 0. Timing assertions are one-sided only (elapsed >= configured), never upper
 * bounds: the machine is shared and noisy.
 */
@ExtendWith(NoLeaks.class)
class SocketTimingTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String STREAM_BODY =
            "{\"model\":\"MiniMax-M3\",\"stream\":true,\"messages\":[{\"role\":\"user\","
                    + "\"content\":\"hi\"}]}";

    private static MockUpstream start(Behavior behavior) {
        return MockUpstream.start(
                MockConfig.defaults().withPort(0).withIoThreads(1).withBehavior(behavior));
    }

    private static HttpRequest.Builder chat(MockUpstream mock, String body) {
        return HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + MockConfig.DEFAULT_API_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Nanoseconds from sending the request to the first line carrying content. */
    private static long nanosToFirstContent(MockUpstream mock, HttpRequest request)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<InputStream> response =
                HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains("\"delta\":{\"content\":\"")) {
                    long elapsed = System.nanoTime() - start;
                    reader.lines().forEach(l -> {}); // drain to the end of the body
                    return elapsed;
                }
            }
        }
        throw new AssertionError("no content line");
    }

    @Test
    void firstTokenComesNoEarlierThanTheConfiguredTtft() throws Exception {
        try (MockUpstream mock =
                start(
                        Behavior.DEFAULT
                                .withTtft(DistParser.durations("150ms"))
                                .withItl(DistParser.durations("1ms"))
                                .withOutputTokens(DistParser.counts("3")))) {
            long nanos = nanosToFirstContent(mock, chat(mock, STREAM_BODY).build());
            assertThat(nanos).isGreaterThanOrEqualTo(150_000_000L);
        }
    }

    @Test
    void ttftHeaderOverridesTheConfiguredTtft() throws Exception {
        try (MockUpstream mock =
                start(Behavior.ZERO_LATENCY.withOutputTokens(DistParser.counts("3")))) {
            long nanos =
                    nanosToFirstContent(
                            mock, chat(mock, STREAM_BODY).header("x-mock-ttft-ms", "120").build());
            assertThat(nanos).isGreaterThanOrEqualTo(120_000_000L);
        }
    }

    @Test
    void nonStreamingAnswerWaitsForTtftPlusTheTokenGaps() throws Exception {
        try (MockUpstream mock =
                start(
                        Behavior.DEFAULT
                                .withTtft(DistParser.durations("100ms"))
                                .withItl(DistParser.durations("20ms"))
                                .withOutputTokens(DistParser.counts("5")))) {
            long start = System.nanoTime();
            HttpResponse<String> response =
                    HTTP.send(
                            chat(mock, STREAM_BODY.replace("\"stream\":true,", "")).build(),
                            HttpResponse.BodyHandlers.ofString());
            long elapsed = System.nanoTime() - start;
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-request-id")).isPresent();
            assertThat(elapsed).isGreaterThanOrEqualTo(100_000_000L + 4 * 20_000_000L);
        }
    }

    @Test
    void loadSlowdownStretchesTtftAboveTheThreshold() throws Exception {
        // Threshold 0: the request itself is one in flight, so every delay doubles (factor 1.0 per
        // request).
        try (MockUpstream mock =
                start(
                        Behavior.DEFAULT
                                .withTtft(DistParser.durations("100ms"))
                                .withItl(DistParser.durations("1ms"))
                                .withOutputTokens(DistParser.counts("2"))
                                .withSlowdown(new LoadSlowdown(0, 1.0)))) {
            long nanos = nanosToFirstContent(mock, chat(mock, STREAM_BODY).build());
            assertThat(nanos).isGreaterThanOrEqualTo(200_000_000L);
        }
    }

    @Test
    void connectResetIsATcpResetBeforeAnyByte() throws Exception {
        try (MockUpstream mock = start(Behavior.ZERO_LATENCY);
                Socket socket = new Socket("127.0.0.1", mock.port())) {
            String body = STREAM_BODY;
            socket.getOutputStream()
                    .write(
                            ("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                            + MockConfig.DEFAULT_API_KEY
                                            + "\r\nx-mock-fault: connect_reset\r\nContent-Length: "
                                            + body.length()
                                            + "\r\n\r\n"
                                            + body)
                                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(5_000);
            try {
                int first = socket.getInputStream().read();
                assertThat(first).as("no response byte before the reset").isEqualTo(-1);
            } catch (SocketException e) {
                assertThat(e.getMessage()).containsIgnoringCase("reset");
            }
        }
    }

    @Test
    void streamStillHoldsKeepAliveForTheNextRequest() throws Exception {
        try (MockUpstream mock =
                start(Behavior.ZERO_LATENCY.withOutputTokens(DistParser.counts("3")))) {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> response =
                        HTTP.send(
                                chat(mock, STREAM_BODY).build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(response.body()).endsWith("data: [DONE]\n\n");
                assertThat(response.headers().firstValue("content-type"))
                        .contains("text/event-stream");
            }
            // A chat stream is settled right after its last bytes are handed to Netty, on the event
            // loop: a
            // client that read them can look before that; wait for it (no bound on how long it
            // takes is asserted).
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (mock.server()
                                    .stats
                                    .settledCount(io.tokenbench.mock.gate.Settlement.End.COMPLETED)
                            < 3
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(
                            mock.server()
                                    .stats
                                    .settledCount(io.tokenbench.mock.gate.Settlement.End.COMPLETED))
                    .isEqualTo(3);
        }
    }
}
