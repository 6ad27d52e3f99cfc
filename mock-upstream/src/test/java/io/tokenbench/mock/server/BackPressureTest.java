package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that stops reading pauses its stream (isWritable) instead of filling the server's
 * memory.
 */
@ExtendWith(NoLeaks.class)
class BackPressureTest {

    private static final int TOKENS =
            20_000; // about 4 MB of events, far more than the small buffers below hold

    @Test
    void streamPausesWhileTheClientDoesNotReadAndCompletesAfterwards() throws Exception {
        Behavior behavior =
                Behavior.ZERO_LATENCY.withOutputTokens(DistParser.counts(Integer.toString(TOKENS)));
        try (MockUpstream mock =
                        MockUpstream.start(
                                MockConfig.defaults()
                                        .withPort(0)
                                        .withIoThreads(1)
                                        .withBehavior(behavior));
                Socket socket = new Socket()) {
            socket.setReceiveBufferSize(
                    8 * 1024); // a small TCP window fills quickly while we do not read
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", mock.port()));
            String body =
                    "{\"model\":\"MiniMax-M3\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
            socket.getOutputStream()
                    .write(
                            ("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                            + MockConfig.DEFAULT_API_KEY
                                            + "\r\nContent-Length: "
                                            + body.length()
                                            + "\r\n\r\n"
                                            + body)
                                    .getBytes(StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (mock.server().stats.backPressurePauseCount() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(mock.server().stats.backPressurePauseCount())
                    .as("paused for back-pressure")
                    .isPositive();
            assertThat(mock.server().stats.openStreams()).isEqualTo(1);

            int contentEvents = 0;
            boolean done = false;
            BufferedReader reader =
                    new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.contains("\"delta\":{\"content\":\"")) {
                    contentEvents++;
                } else if (line.equals("data: [DONE]")) {
                    done = true;
                } else if (done && line.equals("0")) {
                    break; // chunked terminator
                }
            }
            assertThat(contentEvents).isEqualTo(TOKENS);
            assertThat(done).isTrue();
            deadline = System.nanoTime() + 5_000_000_000L;
            while (mock.server().stats.settledCount(Settlement.End.COMPLETED) == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(mock.server().stats.settledCount(Settlement.End.COMPLETED)).isEqualTo(1);
        }
    }
}
