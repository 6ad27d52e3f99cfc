package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The mock answers an error with {@code connection: close} while the client is still sending: the
 * client reads the whole answer (lingering close) instead of a TCP reset that would destroy it.
 * Real sockets on loopback, port 0.
 */
class LingeringCloseTest {

    private static final int BODY_BYTES = 8 * 1024 * 1024;

    private static MockUpstream start() {
        return MockUpstream.start(EmbeddedMock.config().withIoThreads(1).withMaxBodyBytes(1024));
    }

    /**
     * Sends {@code head} and then {@code BODY_BYTES} of body from another thread, while this thread
     * reads the answer until the server's end of output.
     */
    private static String sendWhileReading(MockUpstream mock, String head) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", mock.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            AtomicLong written = new AtomicLong();
            Thread writer =
                    new Thread(
                            () -> {
                                try {
                                    out.write(head.getBytes(StandardCharsets.US_ASCII));
                                    byte[] chunk = new byte[64 * 1024];
                                    java.util.Arrays.fill(chunk, (byte) 'x');
                                    for (int at = 0; at < BODY_BYTES; at += chunk.length) {
                                        out.write(chunk);
                                        written.addAndGet(chunk.length);
                                    }
                                } catch (IOException e) {
                                    // The server closed after the drain: expected.
                                }
                            },
                            "body-writer");
            writer.start();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            writer.join();
            return answer;
        }
    }

    @Test
    void aClientStillSendingABodyReadsThe413() throws Exception {
        try (MockUpstream mock = start()) {
            String answer =
                    sendWhileReading(
                            mock,
                            "POST /v1/chat/completions HTTP/1.1\r\nHost: m\r\n"
                                    + "Connection: close\r\nContent-Type: application/json\r\n"
                                    + "Content-Length: "
                                    + BODY_BYTES
                                    + "\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 413 ");
            assertThat(answer).containsIgnoringCase("connection: close");
            assertThat(answer).contains("\"code\":\"request_too_large\"");
            assertThat(answer).endsWith("}");
        }
    }

    @Test
    void aClientStillSendingAfterTooLargeHeadersReadsThe431() throws Exception {
        try (MockUpstream mock = start()) {
            String answer =
                    sendWhileReading(
                            mock,
                            "POST /v1/chat/completions HTTP/1.1\r\nHost: m\r\nx-big: "
                                    + "y".repeat(20_000)
                                    + "\r\nContent-Length: "
                                    + BODY_BYTES
                                    + "\r\n\r\n");
            assertThat(answer).startsWith("HTTP/1.1 431 ");
            assertThat(answer).contains("\"type\":\"invalid_request_error\"");
            assertThat(answer).endsWith("}");
        }
    }
}
