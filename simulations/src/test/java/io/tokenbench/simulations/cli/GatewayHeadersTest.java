package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.simulations.config.ApiKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof for headers: a gateway that refuses requests without a routing header and a
 * secret header is driven through {@code ./tokenbench run} with {@code --header} and {@code
 * --header-env}; every request is forwarded, run.json names the headers, and the secret appears in
 * no file of the run folder, nor on the console (including what Gatling and the loggers print to
 * the process's standard streams).
 */
class GatewayHeadersTest {
    private static final String SECRET = "gw-secret-7f3a9c1e5b2d";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGatewayRequiringARoutingAndASecretHeaderIsDrivenAndTheSecretIsNowhere(@TempDir Path out)
            throws Exception {
        try (MockUpstream mock = MockedRuns.mock("20ms", "2ms", 8);
                TestGateway gateway =
                        TestGateway.http(
                                mock.baseUrl(),
                                Map.of(
                                        "x-portkey-provider",
                                        "openai",
                                        "x-portkey-api-key",
                                        SECRET))) {
            assertThat(status(gateway.baseUrl())).isEqualTo(400); // it does refuse bare requests

            ByteArrayOutputStream console = new ByteArrayOutputStream();
            int code;
            PrintStream savedOut = System.out;
            PrintStream savedErr = System.err;
            PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            try {
                code =
                        TokenbenchRun.run(
                                new String[] {
                                    "run",
                                    "--base-url",
                                    gateway.baseUrl(),
                                    "--lag-budget",
                                    "10s",
                                    "--out",
                                    out.toString(),
                                    "--rate",
                                    "8",
                                    "--duration",
                                    "2s",
                                    "--warmup",
                                    "1s",
                                    "--grace",
                                    "5s",
                                    "--header",
                                    "x-portkey-provider: openai",
                                    "--header-env",
                                    "x-portkey-api-key=GW_SECRET"
                                },
                                capture,
                                capture,
                                Map.of(
                                        "GW_SECRET",
                                        SECRET,
                                        "POWERTOKENS_API_KEY",
                                        ApiKey.MOCK_DEFAULT));
            } finally {
                System.setOut(savedOut);
                System.setErr(savedErr);
            }
            String text = console.toString(StandardCharsets.UTF_8);
            assertThat(code).as(text).isZero();
            assertThat(gateway.refused()).isEqualTo(1); // only the bare probe above
            assertThat(gateway.forwarded()).isGreaterThanOrEqualTo(10); // ~24 expected
            assertThat(gateway.lastValue("x-portkey-api-key")).isEqualTo(SECRET);

            Path runDir = runDir(out);
            JsonNode params = JSON.readTree(runDir.resolve("run.json").toFile()).path("parameters");
            assertThat(params.path("headers").asText())
                    .isEqualTo("x-portkey-provider, x-portkey-api-key (from $GW_SECRET)");
            JsonNode summary = JSON.readTree(runDir.resolve("summary.json").toFile());
            assertThat(summary.path("outcomes").path("ok").asLong())
                    .isEqualTo(summary.path("requests").path("attempted").asLong())
                    .isGreaterThan(0);

            assertThat(text).doesNotContain(SECRET).contains("x-portkey-api-key (from $GW_SECRET)");
            assertThat(filesContaining(out, SECRET)).isEmpty();
            assertThat(filesContaining(out, "x-portkey-api-key")).isNotEmpty(); // the scan works
        }
    }

    private static int status(String baseUrl) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat/completions"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    static Path runDir(Path out) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            return s.filter(p -> p.getFileName().toString().equals("run.json"))
                    .findFirst()
                    .orElseThrow()
                    .getParent();
        }
    }

    /** Every file under {@code dir} whose bytes contain {@code needle} (as UTF-8). */
    static List<Path> filesContaining(Path dir, String needle) throws IOException {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(
                            p -> {
                                try {
                                    return indexOf(Files.readAllBytes(p), n) >= 0;
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                    .toList();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
