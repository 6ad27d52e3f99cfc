package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.server.MockUpstream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command-line mock runs the PowerTokens key emulation next to its static keys: keys made with
 * {@code POST /admin/keys} are enforced in the error style given on the command line, the static
 * key stays unlimited, and enforcement options and {@code --state-file} are validated like every
 * option.
 */
class MockMainKeysTest {

    private static final String ADMIN = "admin-test-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private MockMain.Launch launch(String... args) {
        return MockMain.launch(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void adminKeysAreEnforcedInTheStyleGivenOnTheCommandLine(@TempDir Path dir) throws Exception {
        MockMain.Launch launch =
                launch(
                        "--port",
                        "0",
                        "--admin-token",
                        ADMIN,
                        "--error-style",
                        "openai",
                        "--concurrency",
                        "atomic",
                        "--ttft",
                        "0ms",
                        "--itl",
                        "0ms",
                        "--output-tokens",
                        "8",
                        "--state-file",
                        dir.resolve("state.json").toString());
        assertThat(launch.exitCode()).isZero();
        try (MockUpstream mock = launch.mock().orElseThrow()) {
            HttpResponse<String> created =
                    send(
                            mock,
                            "POST",
                            "/admin/keys",
                            ADMIN,
                            "{\"name\":\"ci\",\"limit_credits\":0.000001,\"reset\":\"none\",\"expiration\":\"none\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            String key = JSON.readTree(created.body()).get("key").asText();
            assertThat(key).startsWith("sk-").hasSize(51);

            // A limit of one micro-Credit cannot cover the pre-consume estimate: rejected, OpenAI
            // style.
            HttpResponse<String> refused = chat(mock, key);
            assertThat(refused.statusCode()).isEqualTo(429);
            JsonNode error = JSON.readTree(refused.body()).get("error");
            assertThat(error.get("code").asText()).isEqualTo("insufficient_quota");
            assertThat(refused.body()).doesNotContain(key);

            // The static local key is unlimited and never reaches the ledger.
            assertThat(chat(mock, "sk-tokenbench-local").statusCode()).isEqualTo(200);
            // An unknown key is refused by the PowerTokens gate in the configured style.
            assertThat(chat(mock, "sk-unknown").statusCode()).isIn(401, 429);

            HttpResponse<String> listed = send(mock, "GET", "/admin/keys", ADMIN, null);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains("\"name\":\"ci\"").doesNotContain(key);
        }
    }

    @Test
    void newApiStyleSendsTheOneApiRequestIdOnEveryResponse() throws Exception {
        MockMain.Launch launch =
                launch("--port", "0", "--admin-token", ADMIN, "--ttft", "0ms", "--itl", "0ms");
        try (MockUpstream mock = launch.mock().orElseThrow()) {
            for (String body :
                    new String[] {
                        "{\"model\":\"MiniMax-M3\",\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                        "{\"model\":\"MiniMax-M3\",\"stream\":true,\"max_tokens\":4,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"
                    }) {
                HttpResponse<String> ok =
                        send(mock, "POST", "/v1/chat/completions", "sk-tokenbench-local", body);
                assertThat(ok.statusCode()).isEqualTo(200);
                assertThat(ok.headers().firstValue("x-oneapi-request-id"))
                        .isPresent()
                        .isEqualTo(ok.headers().firstValue("x-request-id"));
            }
            HttpResponse<String> refused = chat(mock, "sk-not-a-key");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(refused.body()).get("error").get("type").asText())
                    .isEqualTo("new_api_error");
            assertThat(refused.headers().firstValue("x-oneapi-request-id")).isPresent();
        }
    }

    @Test
    void badEnforcementOptionsAndStateFilesExitTwoNamingTheOption(@TempDir Path dir)
            throws Exception {
        assertThat(launch("--port", "0", "--concurrency", "sometimes").exitCode()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--concurrency");

        err.reset();
        Path corrupt = dir.resolve("corrupt.json");
        Files.writeString(corrupt, "{\"keys\": [ this is not json");
        assertThat(launch("--port", "0", "--state-file", corrupt.toString()).exitCode())
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--state-file");
        assertThat(Files.readString(corrupt)).isEqualTo("{\"keys\": [ this is not json");
    }

    @Test
    void helpListsTheEnforcementOptions() {
        assertThat(launch("--help").exitCode()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--state-file")
                .contains("--error-style")
                .contains("--concurrency")
                .contains("--fail-open")
                .contains("--cancel-billing");
    }

    private HttpResponse<String> chat(MockUpstream mock, String key) throws Exception {
        return send(
                mock,
                "POST",
                "/v1/chat/completions",
                key,
                "{\"model\":\"MiniMax-M3\",\"max_tokens\":8,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
    }

    private HttpResponse<String> send(
            MockUpstream mock, String method, String path, String bearer, String body)
            throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
