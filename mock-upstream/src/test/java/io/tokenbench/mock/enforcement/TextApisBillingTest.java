package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.mock.testing.NoLeaks;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keys and Credits on the three text APIs: the same prompt and output tokens cost the same on chat
 * completions, legacy completions and Responses, streamed or not, each request settled once; a key
 * out of Credits is refused on every API with plain JSON.
 */
@ExtendWith(NoLeaks.class)
class TextApisBillingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private PowerTokensPlatform keys;
    private MockUpstream mock;

    @BeforeEach
    void start() throws Exception {
        keys = PowerTokensPlatform.open(ModelCatalog.defaults(), EnforcementProfile.DEFAULTS, null);
        mock =
                MockUpstream.start(
                        MockConfig.defaults()
                                .withPort(0)
                                .withIoThreads(1)
                                .withBehavior(
                                        Behavior.ZERO_LATENCY.withOutputTokens(
                                                DistParser.counts("5")))
                                .withGate(keys.gate())
                                .withClock(keys.clock())
                                .withRouteGroups(keys.routeGroups()));
        keys.start();
    }

    @AfterEach
    void stop() throws Exception {
        mock.close();
        keys.close();
    }

    private HttpResponse<String> post(String path, String bearer, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + bearer)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode admin(String method, String path, String body) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                                .header("Authorization", "Bearer " + mock.adminToken())
                                .header("Content-Type", "application/json")
                                .method(
                                        method,
                                        body == null
                                                ? HttpRequest.BodyPublishers.noBody()
                                                : HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isLessThan(300);
        return MAPPER.readTree(r.body());
    }

    private void awaitSettled() throws InterruptedException {
        for (int i = 0; i < 6_000 && keys.gate().inFlight() > 0; i++) { // no speed bound
            Thread.sleep(5);
        }
        assertThat(keys.gate().inFlight()).isZero();
    }

    private static long micro(JsonNode credits) {
        return credits.decimalValue().movePointRight(6).longValueExact();
    }

    @Test
    void theSameTokensCostTheSameOnEveryApiStreamedOrNot() throws Exception {
        JsonNode created = admin("POST", "/admin/keys", "{\"name\":\"apis\",\"limit_credits\":10}");
        String secret = created.get("key").asText();
        long id = created.get("id").asLong();
        // Every body has 8 prompt tokens by the mock's rule; the output is 5 tokens.
        String chat = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
        String prompt = "\"prompt\":\"" + "x".repeat(32) + "\"";
        String input = "\"input\":\"hi\"";
        String[][] requests = {
            {"/v1/chat/completions", chat},
            {"/v1/chat/completions", chat + ",\"stream\":true"},
            {"/v1/completions", prompt},
            {"/v1/completions", prompt + ",\"stream\":true"},
            {"/v1/responses", input},
            {"/v1/responses", input + ",\"stream\":true"}
        };
        for (String[] request : requests) {
            HttpResponse<String> response =
                    post(request[0], secret, "{\"model\":\"MiniMax-M3\"," + request[1] + "}");
            assertThat(response.statusCode()).as(request[0]).isEqualTo(200);
        }
        awaitSettled();
        JsonNode rows = admin("GET", "/admin/logs?key_id=" + id, null).get("data");
        assertThat(rows).hasSize(requests.length);
        List<String> endpoints = new ArrayList<>();
        long totalMicro = 0;
        long firstMicro = micro(rows.get(0).get("credits"));
        assertThat(firstMicro).isPositive();
        for (JsonNode row : rows) {
            endpoints.add(row.get("endpoint").asText());
            assertThat(row.get("prompt_tokens").asLong()).as(row.toString()).isEqualTo(8);
            assertThat(row.get("completion_tokens").asLong()).as(row.toString()).isEqualTo(5);
            assertThat(row.get("cancel_reason").isNull()).as(row.toString()).isTrue();
            assertThat(micro(row.get("credits"))).as(row.toString()).isEqualTo(firstMicro);
            totalMicro += micro(row.get("credits"));
        }
        assertThat(endpoints)
                .containsExactly(
                        "/v1/chat/completions",
                        "/v1/chat/completions",
                        "/v1/completions",
                        "/v1/completions",
                        "/v1/responses",
                        "/v1/responses");
        JsonNode key = admin("GET", "/admin/keys/" + id, null);
        assertThat(micro(key.get("used_total"))).isEqualTo(totalMicro);
        assertThat(key.get("used_total").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(totalMicro, 6));
    }

    @Test
    void aKeyOutOfCreditsIsRefusedOnTheNewApisWithPlainJson() throws Exception {
        JsonNode created =
                admin("POST", "/admin/keys", "{\"name\":\"poor\",\"limit_credits\":0.000001}");
        String secret = created.get("key").asText();
        // The first request may pass (Credits are checked before use); spend what there is.
        post("/v1/responses", secret, "{\"model\":\"MiniMax-M3\",\"input\":\"hi\"}");
        awaitSettled();
        for (String[] request :
                new String[][] {
                    {"/v1/responses", "\"input\":\"hi\",\"stream\":true"},
                    {"/v1/completions", "\"prompt\":\"hi\",\"stream\":true"}
                }) {
            HttpResponse<String> refused =
                    post(request[0], secret, "{\"model\":\"MiniMax-M3\"," + request[1] + "}");
            assertThat(refused.statusCode()).as(request[0]).isIn(401, 402, 403, 429);
            assertThat(refused.headers().firstValue("content-type"))
                    .get()
                    .asString()
                    .startsWith("application/json");
            assertThat(refused.body()).doesNotContain("data:").doesNotContain(secret);
        }
    }
}
