package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a mock process with {@code --state-file}: spend answered with 200 more
 * than the bound of KEYS.md ("State file": one sweep interval plus one save) before the kill is in
 * the file. The mock runs as a child JVM on this test's class path (the shaded jar is built after
 * the tests), on loopback port 0; its admin token is read from its stderr, never passed in argv.
 */
class StateFileKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Longer than the bound (1 s interval + one save of a small state). */
    private static final long QUIET_MILLIS = 3_000;

    @TempDir Path dir;

    @Test
    void spendAnsweredBeforeTheBoundSurvivesAKillNine() throws Exception {
        Path state = dir.resolve("state.json");
        Process mock =
                ChildMock.command(
                                "--host",
                                "127.0.0.1",
                                "--port",
                                "0",
                                "--state-file",
                                state.toString())
                        .redirectErrorStream(true)
                        .start();
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(mock.getInputStream(), StandardCharsets.UTF_8));
            String adminToken = null;
            String baseUrl = null;
            String line;
            while (baseUrl == null && (line = out.readLine()) != null) {
                if (line.startsWith("mock: admin token: ")) {
                    adminToken = line.substring("mock: admin token: ".length()).strip();
                } else if (line.startsWith("listening on ")) {
                    baseUrl = line.substring("listening on ".length()).strip();
                }
            }
            assertThat(baseUrl).as("the mock started").isNotNull();
            assertThat(adminToken).isNotNull();

            JsonNode key =
                    send(
                            baseUrl + "/admin/keys",
                            adminToken,
                            "{\"name\":\"kill\",\"limit_credits\":1000}");
            String secret = key.get("key").asText();
            long id = key.get("id").asLong();
            for (int i = 0; i < 20; i++) {
                send(
                        baseUrl + "/v1/chat/completions",
                        secret,
                        "{\"model\":\"MiniMax-M3\",\"max_tokens\":20,"
                                + "\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}");
            }
            BigDecimal answered =
                    get(baseUrl + "/admin/keys/" + id, adminToken).get("used_total").decimalValue();
            assertThat(answered).isPositive();

            Thread.sleep(QUIET_MILLIS);
            mock.destroyForcibly(); // SIGKILL: no shutdown hook, no final save
            assertThat(mock.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(mock.exitValue()).isEqualTo(137);

            long persistedMicro = -1;
            for (JsonNode k : JSON.readTree(Files.readAllBytes(state)).get("keys")) {
                if (k.get("id").asLong() == id) {
                    persistedMicro = k.get("used_total_micro_credits").asLong();
                }
            }
            assertThat(BigDecimal.valueOf(persistedMicro, 6)).isEqualByComparingTo(answered);
        } finally {
            mock.destroyForcibly();
        }
    }

    private static JsonNode send(String url, String bearer, String body) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + bearer)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return JSON.readTree(response.body());
    }

    private static JsonNode get(String url, String bearer) throws Exception {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + bearer)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
