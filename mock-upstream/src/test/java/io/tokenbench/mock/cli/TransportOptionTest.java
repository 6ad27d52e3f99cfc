package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.mock.server.Transport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --transport}: the chosen one serves and is announced on stderr; an unknown name, or a
 * native transport this JVM cannot load, exits 2 naming the option and the reason.
 */
class TransportOptionTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private MockMain.Launch launch(String... args) {
        return MockMain.launch(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theForcedTransportServesAndIsAnnounced() {
        MockMain.Launch launch = launch("--port", "0", "--transport", "nio");
        try (MockUpstream mock = launch.mock().orElseThrow()) {
            assertThat(mock.transport()).isEqualTo(Transport.NIO);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("mock: transport nio\n");
        }
    }

    @Test
    void anUnknownTransportExitsTwoNamingTheOption() {
        assertThat(launch("--transport", "kqueue").exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--transport")
                .contains("kqueue")
                .contains("io_uring, epoll, nio or auto");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("listening on");
    }

    /**
     * A child JVM with Netty's native transports switched off ({@code
     * -Dio.netty.transport.noNative=true}): forcing one of them exits 2 with Netty's reason, while
     * {@code auto} falls back to NIO and starts.
     */
    @ParameterizedTest
    @ValueSource(strings = {"io_uring", "epoll"})
    void aForcedNativeTransportThatIsUnavailableExitsTwoWithTheReason(String name)
            throws Exception {
        Process mock = child(name);
        String output = new String(mock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(mock.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mock.exitValue()).as(output).isEqualTo(2);
        assertThat(output)
                .contains("--transport: " + name + " is not available here")
                .contains("noNative")
                .doesNotContain("listening on");
    }

    @Test
    void autoFallsBackToNioWhenNativeTransportsAreOff() throws Exception {
        Process mock = child("auto");
        try {
            String announced = null;
            var reader =
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                    mock.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("listening on")) {
                if (line.startsWith("mock: transport ")) {
                    announced = line;
                }
            }
            assertThat(line).as("the mock started").startsWith("listening on");
            assertThat(announced).isEqualTo("mock: transport nio");
        } finally {
            mock.destroy();
            mock.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Process child(String transport) throws Exception {
        return ChildMock.command(
                        java.util.List.of("-Dio.netty.transport.noNative=true"),
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "0",
                        "--transport",
                        transport)
                .redirectErrorStream(true)
                .start();
    }
}
