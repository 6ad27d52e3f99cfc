package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.billing.CostCalculator;
import io.tokenbench.mock.billing.Rounding;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PowerTokens platform wired into the real Netty mock on loopback, driven by the openai-java
 * SDK and plain HTTP: keys created over the admin API, requests billed end to end, the ledger equal
 * to the usage the SDK saw times the catalog price, and rejections as plain JSON.
 */
class PowerTokensServerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MODEL = "MiniMax-M3";

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private PowerTokensPlatform keys;
    private MockUpstream mock;

    @BeforeEach
    void start() throws Exception {
        ModelCatalog catalog = ModelCatalog.defaults();
        keys = PowerTokensPlatform.open(catalog, EnforcementProfile.DEFAULTS, null);
        mock =
                MockUpstream.start(
                        MockConfig.defaults()
                                .withPort(0)
                                .withIoThreads(1)
                                .withBehavior(
                                        Behavior.DEFAULT
                                                .withTtft(DistParser.durations("1ms"))
                                                .withItl(DistParser.durations("1ms"))
                                                .withOutputTokens(
                                                        DistParser.counts("uniform(5,12)")))
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

    private HttpResponse<String> send(String method, String path, String bearer, String body)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode admin(String method, String path, String body, int expectedStatus)
            throws Exception {
        HttpResponse<String> r = send(method, path, mock.adminToken(), body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        return MAPPER.readTree(r.body());
    }

    private OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder()
                .baseUrl(mock.baseUrl() + "/v1")
                .apiKey(key)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
    }

    private void awaitSettled() throws InterruptedException {
        for (int i = 0;
                i < 6_000 && keys.gate().inFlight() > 0;
                i++) { // waits for settlement, not a speed bound
            Thread.sleep(5);
        }
        assertThat(keys.gate().inFlight()).isZero();
    }

    @Test
    void requestsAreBilledExactlyUntilTheKeyIsRefused() throws Exception {
        JsonNode created =
                admin(
                        "POST",
                        "/admin/keys",
                        "{\"name\":\"ci\",\"limit_credits\":0.001,\"reset\":\"daily\"}",
                        201);
        String secret = created.get("key").asText();
        long id = created.get("id").asLong();
        BigDecimal in = new BigDecimal("0.6");
        BigDecimal out = new BigDecimal("2.4");
        long expectedMicro = 0;
        int completed = 0;
        OpenAIServiceException refusal = null;
        OpenAIClient client = sdk(secret);
        try {
            for (int i = 0; i < 200 && refusal == null; i++) {
                try {
                    ChatCompletion c =
                            client.chat()
                                    .completions()
                                    .create(
                                            ChatCompletionCreateParams.builder()
                                                    .model(MODEL)
                                                    .addUserMessage("Say something.")
                                                    .maxCompletionTokens(10)
                                                    .build());
                    var usage = c.usage().orElseThrow();
                    expectedMicro +=
                            CostCalculator.costMicroCredits(
                                    new io.tokenbench.mock.catalog.ModelPrice(
                                            in, out, BigDecimal.ZERO, BigDecimal.ZERO),
                                    Usage.tokens(usage.promptTokens(), usage.completionTokens()),
                                    Rounding.HALF_AWAY_FROM_ZERO);
                    completed++;
                } catch (UnauthorizedException | PermissionDeniedException e) {
                    refusal = e;
                }
            }
        } finally {
            client.close();
        }
        assertThat(refusal).isNotNull();
        assertThat(refusal.headers().values("X-Oneapi-Request-Id")).hasSize(1);
        assertThat(completed).isPositive();
        awaitSettled();
        JsonNode key = admin("GET", "/admin/keys/" + id, null, 200);
        long usedMicro = key.get("used_total").decimalValue().movePointRight(6).longValueExact();
        assertThat(usedMicro).isEqualTo(expectedMicro);
        assertThat(key.get("used_in_period").decimalValue().movePointRight(6).longValueExact())
                .isEqualTo(expectedMicro);
        JsonNode logs = admin("GET", "/admin/logs?key_id=" + id, null, 200);
        long logMicro = 0;
        for (JsonNode row : logs.get("data")) {
            logMicro += row.get("credits").decimalValue().movePointRight(6).longValueExact();
        }
        assertThat(logMicro).isEqualTo(expectedMicro);
        assertThat(logs.get("data").size()).isEqualTo(completed + 1);
        assertThat(logs.toString()).doesNotContain(secret);

        // A streaming request on the refused key gets plain JSON, never SSE bytes.
        HttpResponse<String> stream =
                send(
                        "POST",
                        "/v1/chat/completions",
                        secret,
                        "{\"model\":\""
                                + MODEL
                                + "\",\"stream\":true,\"max_tokens\":10,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(stream.statusCode()).isIn(401, 403);
        assertThat(stream.headers().firstValue("content-type"))
                .get()
                .asString()
                .startsWith("application/json");
        assertThat(stream.body()).doesNotContain("data:").contains("new_api_error");
        assertThat(stream.headers().firstValue("X-Oneapi-Request-Id")).isPresent();

        HttpResponse<String> usage = send("GET", "/api/usage/token/", secret, null);
        assertThat(usage.statusCode()).isEqualTo(200);
        JsonNode data = MAPPER.readTree(usage.body()).get("data");
        assertThat(data.get("total_used").decimalValue().movePointRight(6).longValueExact())
                .isEqualTo(expectedMicro);
    }

    /**
     * Reading a model ({@code GET /v1/models/{id}}) costs nothing and needs no room on the key: a
     * key whose remaining Credits could not cover one chat request still reads it, and its usage
     * stays 0, like the list route.
     */
    @Test
    void retrievingAModelIsNeverPricedOrRefusedForCredits() throws Exception {
        JsonNode created =
                admin(
                        "POST",
                        "/admin/keys",
                        "{\"name\":\"ci\",\"limit_credits\":0.000001,\"reset\":\"daily\"}",
                        201);
        String secret = created.get("key").asText();
        long id = created.get("id").asLong();
        HttpResponse<String> chat =
                send(
                        "POST",
                        "/v1/chat/completions",
                        secret,
                        "{\"model\":\""
                                + MODEL
                                + "\",\"max_tokens\":1000,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(chat.statusCode())
                .as("a chat request does not fit: %s", chat.body())
                .isNotEqualTo(200);
        for (String path : new String[] {"/v1/models/" + MODEL, "/v1/models"}) {
            HttpResponse<String> r = send("GET", path, secret, null);
            assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
        }
        awaitSettled();
        JsonNode key = admin("GET", "/admin/keys/" + id, null, 200);
        assertThat(key.get("used_total").decimalValue()).isZero();
        HttpResponse<String> unknown = send("GET", "/v1/models/no-such-model", secret, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void adminRoutesNeedTheAdminTokenAndBadBodiesChangeNothing() throws Exception {
        HttpResponse<String> wrongToken =
                send("POST", "/admin/keys", "not-the-admin-token", "{\"name\":\"x\"}");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        HttpResponse<String> noToken = send("GET", "/admin/keys", null, null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        admin("POST", "/admin/keys", "{\"name\":\"x\",\"reset\":\"hourly\"}", 400);
        admin("POST", "/admin/keys", "{\"name\":\"x\",\"limit_credits\":-1}", 400);
        admin("POST", "/admin/keys", "{\"name\":", 400);
        assertThat(admin("GET", "/admin/keys", null, 200).get("data")).isEmpty();
        assertThat(send("GET", "/api/usage/token/", "sk-unknown", null).statusCode())
                .isEqualTo(401);
    }

    @Test
    void unknownKeyIsRefusedOnModelsAndChat() throws Exception {
        assertThat(send("GET", "/v1/models", "sk-nope", null).statusCode()).isEqualTo(401);
        JsonNode created = admin("POST", "/admin/keys", "{\"name\":\"m\"}", 201);
        assertThat(send("GET", "/v1/models", created.get("key").asText(), null).statusCode())
                .isEqualTo(200);
    }
}
