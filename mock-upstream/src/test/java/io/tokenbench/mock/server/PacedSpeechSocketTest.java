package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paced speech over real sockets on port 0: a client that closes mid-speech cancels the rest and is
 * settled exactly once; one that does not read pauses the chunks (back-pressure) and then gets
 * every byte. Leak detection is PARANOID and checked after the class.
 */
@ExtendWith(NoLeaks.class)
class PacedSpeechSocketTest {

    private static MockUpstream start(RecordingGate gate) {
        return MockUpstream.start(
                MockConfig.defaults()
                        .withPort(0)
                        .withIoThreads(1)
                        .withGate(gate)
                        .withBehavior(Behavior.ZERO_LATENCY));
    }

    private static void post(Socket socket, String json, String... headers) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head =
                new StringBuilder(
                        "POST /v1/audio/speech HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                                + MockConfig.DEFAULT_API_KEY
                                + "\r\nContent-Type: application/json\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body);
    }

    private static void awaitSettlements(RecordingGate gate, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (gate.settlements.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void aClientClosingMidSpeechCancelsItAndIsSettledOnce() throws Exception {
        RecordingGate gate = new RecordingGate();
        try (MockUpstream mock = start(gate)) {
            try (Socket socket = new Socket("127.0.0.1", mock.port())) {
                // 60 code points: 4 s, sixteen chunks, one every 100 ms.
                post(
                        socket,
                        "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"response_format\":\"pcm\",\"input\":\""
                                + "The quick brown fox jumps over the lazy dog, then sleeps....\"}",
                        "x-mock-itl-ms: 100");
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[16 * 1024];
                int received = 0;
                while (received < 12_000) {
                    int n = in.read(buffer);
                    assertThat(n).as("the first chunk arrives").isPositive();
                    received += n;
                }
            }
            awaitSettlements(gate, 1);
            Thread.sleep(
                    300); // a second settlement, if any, would come with the next chunk's due time
            Settlement settled = gate.onlySettlement();
            assertThat(settled.end()).isEqualTo(Settlement.End.CLIENT_CANCELLED);
            assertThat(settled.usage().mediaSeconds())
                    .as("billed the chunks sent")
                    .isGreaterThan(0)
                    .isLessThan(4.0);
            assertThat(mock.server().stats.activeExchanges()).isZero();
        }
    }

    @Test
    void speechPausesWhileTheClientDoesNotReadAndThenSendsEveryByte() throws Exception {
        RecordingGate gate = new RecordingGate();
        try (MockUpstream mock = start(gate);
                Socket socket = new Socket()) {
            socket.setReceiveBufferSize(8 * 1024);
            socket.connect(new InetSocketAddress("127.0.0.1", mock.port()));
            // 4096 chars: 273 s of audio, about 13 MB of PCM, far more than the buffers hold.
            post(
                    socket,
                    "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"response_format\":\"pcm\",\"input\":\""
                            + "a".repeat(4096)
                            + "\"}");
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (mock.server().stats.backPressurePauseCount() == 0
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(mock.server().stats.backPressurePauseCount())
                    .as("paused for back-pressure")
                    .isPositive();
            assertThat(gate.settlements).as("not settled while paused").isEmpty();
            long payload = chunkedPayloadBytes(new DataInputStream(socket.getInputStream()));
            assertThat(payload).isEqualTo(2L * Math.round(4096 / 15.0 * 24_000));
            awaitSettlements(gate, 1);
            assertThat(gate.onlySettlement().end()).isEqualTo(Settlement.End.COMPLETED);
        }
    }

    /** Skips the head and decodes a chunked body, returning its payload size. */
    private static long chunkedPayloadBytes(DataInputStream in) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (!line.isEmpty());
        long total = 0;
        while (true) {
            int size = Integer.parseInt(readLine(in), 16);
            if (size == 0) {
                readLine(in);
                return total;
            }
            in.skipNBytes(size);
            total += size;
            assertThat(readLine(in)).isEmpty();
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("end of stream in a line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
