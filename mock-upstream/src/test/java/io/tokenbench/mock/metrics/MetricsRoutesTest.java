package io.tokenbench.mock.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.enforcement.PowerTokensPlatform;
import io.tokenbench.mock.keys.KeySecrets;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} on the real mock (key enforcement on, loopback): after known traffic its
 * counts equal {@code /admin/stats} and the traffic sent, and nothing secret is in it.
 */
class MetricsRoutesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "MiniMax-M3";
    private static final String CHAT = "/v1/chat/completions";

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
                                        Behavior.DEFAULT
                                                .withTtft(DistParser.durations("1ms"))
                                                .withItl(DistParser.durations("1ms"))
                                                .withOutputTokens(DistParser.counts("5")))
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

    private static String chat(boolean stream) {
        return "{\"model\":\""
                + MODEL
                + "\",\"stream\":"
                + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
    }

    private void awaitSettled() throws InterruptedException {
        for (int i = 0; i < 6_000 && keys.gate().inFlight() > 0; i++) { // not a speed bound
            Thread.sleep(5);
        }
        assertThat(keys.gate().inFlight()).isZero();
    }

    @Test
    void countsEqualTheAdminStatsAndTheTrafficSentAndNothingSecretShows() throws Exception {
        HttpResponse<String> created =
                send(
                        "POST",
                        "/admin/keys",
                        mock.adminToken(),
                        "{\"name\":\"metrics-test-key\",\"limit_credits\":5}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String secret = JSON.readTree(created.body()).get("key").asText();
        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", CHAT, secret, chat(true)).statusCode()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(send("POST", CHAT, secret, chat(false)).statusCode()).isEqualTo(200);
        }
        assertThat(send("POST", CHAT, "sk-not-a-key", chat(false)).statusCode()).isEqualTo(401);
        assertThat(send("POST", CHAT, null, chat(false)).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/v1/nowhere", secret, null).statusCode()).isEqualTo(404);
        awaitSettled();

        JsonNode stats = JSON.readTree(send("GET", "/admin/stats", mock.adminToken(), null).body());
        HttpResponse<String> scrape = send("GET", "/metrics", null, null);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("content-type").orElseThrow())
                .startsWith("text/plain");
        String text = scrape.body();
        PrometheusText m = PrometheusText.parse(text);

        // the scrape itself was received after /admin/stats answered
        assertThat(m.sum("tokenbench_mock_requests_received_total"))
                .isEqualTo(stats.get("requests_received").asDouble() + 1);
        assertThat(m.sum("tokenbench_mock_admissions_total"))
                .isEqualTo(stats.get("requests_admitted").asDouble())
                .isEqualTo(5);
        assertThat(m.sum("tokenbench_mock_settled_total", Map.of("end", "completed")))
                .isEqualTo(stats.get("settled").get("completed").asDouble())
                .isEqualTo(5);
        assertThat(m.sum("tokenbench_mock_rejections_total"))
                .isEqualTo(stats.get("requests_rejected").asDouble())
                .isEqualTo(2);
        assertThat(m.sum("tokenbench_mock_rejections_total", Map.of("reason", "unknown_key")))
                .isEqualTo(1);
        assertThat(m.sum("tokenbench_mock_rejections_total", Map.of("reason", "missing_token")))
                .isEqualTo(1);
        assertThat(m.sum("tokenbench_mock_responses_total", Map.of("route", CHAT, "status", "200")))
                .isEqualTo(5);
        assertThat(m.sum("tokenbench_mock_responses_total", Map.of("route", CHAT, "status", "401")))
                .isEqualTo(2);
        assertThat(
                        m.sum(
                                "tokenbench_mock_responses_total",
                                Map.of("route", "other", "status", "404")))
                .isEqualTo(1);
        assertThat(m.sum("tokenbench_mock_keys", Map.of("status", "enabled"))).isEqualTo(1);
        assertThat(m.sum("tokenbench_mock_credits_settled_total")).isPositive();
        assertThat(m.sum("tokenbench_mock_scheduling_lag_seconds_count"))
                .isEqualTo(stats.get("scheduling_lag_us").get("count").asDouble())
                .isPositive();
        assertThat(m.sum("tokenbench_mock_scheduling_lag_seconds_bucket", Map.of("le", "+Inf")))
                .isEqualTo(m.sum("tokenbench_mock_scheduling_lag_seconds_count"));
        assertThat(m.sum("tokenbench_mock_streams_in_flight")).isZero();
        assertThat(m.has("tokenbench_mock_faults_injected_total")).isTrue();

        assertThat(text)
                .doesNotContain(secret)
                .doesNotContain(KeySecrets.sha256Hex(secret))
                .doesNotContain(KeySecrets.mask(secret))
                .doesNotContain("metrics-test-key")
                .doesNotContain(mock.adminToken());
    }

    @Test
    void bodiesOverTheLimitAreCountedAsTheir413s() throws Exception {
        try (MockUpstream small =
                MockUpstream.start(
                        MockConfig.defaults()
                                .withPort(0)
                                .withIoThreads(1)
                                .withMaxBodyBytes(1024))) {
            String big = chat(false).replace("hello", "x".repeat(2048));
            HttpRequest.Builder post =
                    HttpRequest.newBuilder(URI.create(small.baseUrl() + CHAT))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(big));
            for (int i = 0; i < 2; i++) {
                assertThat(
                                http.send(post.build(), HttpResponse.BodyHandlers.ofString())
                                        .statusCode())
                        .isEqualTo(413);
            }

            String text =
                    http.send(
                                    HttpRequest.newBuilder(URI.create(small.baseUrl() + "/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            assertThat(
                            PrometheusText.parse(text)
                                    .sum(
                                            "tokenbench_mock_responses_total",
                                            Map.of("route", CHAT, "status", "413")))
                    .isEqualTo(2);
        }
    }

    @Test
    void openMetricsWhenAskedAndOnlyGet() throws Exception {
        HttpResponse<String> om =
                http.send(
                        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/metrics"))
                                .header("Accept", "application/openmetrics-text; version=1.0.0")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(om.statusCode()).isEqualTo(200);
        assertThat(om.headers().firstValue("content-type").orElseThrow())
                .startsWith("application/openmetrics-text");
        assertThat(om.body()).endsWith("# EOF\n");

        HttpResponse<String> post = send("POST", "/metrics", null, "{}");
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(JSON.readTree(post.body()).get("error").get("message").asText()).contains("GET");
        assertThat(send("GET", "/metrics/extra", null, null).statusCode()).isEqualTo(404);
    }
}
