package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.routing.RouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import io.tokenbench.mock.testing.NoLeaks;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API (config, stats), its token guard, and route groups registered from outside. */
@ExtendWith(NoLeaks.class)
class AdminRoutesTest {

    private static final String TOKEN = "admin-test-token";
    private static final String CHAT_BODY =
            "{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    /** A registered group that echoes the path and a query parameter. */
    private static final RouteGroup ECHO =
            new RouteGroup() {
                @Override
                public String pathPrefix() {
                    return "/api/usage/token";
                }

                @Override
                public Access access() {
                    return Access.PUBLIC;
                }

                @Override
                public RouteResponse handle(RouteRequest request) {
                    String text =
                            "{\"path\":\""
                                    + request.path()
                                    + "\",\"q\":\""
                                    + request.queryParam("q").orElse("")
                                    + "\"}";
                    return RouteResponse.json(200, text.getBytes(StandardCharsets.UTF_8));
                }
            };

    private final EmbeddedMock mock =
            new EmbeddedMock(EmbeddedMock.config().withRouteGroups(List.of(ECHO)));

    @AfterEach
    void close() {
        mock.close();
    }

    private RawResponse request(String method, String path, String token, String body) {
        String auth = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return RawResponse.parse(
                mock.send(
                                method
                                        + " "
                                        + path
                                        + " HTTP/1.1\r\nHost: mock\r\n"
                                        + auth
                                        + "Content-Length: "
                                        + bytes.length
                                        + "\r\n\r\n"
                                        + body)
                        .output());
    }

    @Test
    void adminRoutesNeedTheAdminToken() {
        for (String token : new String[] {null, "wrong", "sk-tokenbench-local"}) {
            RawResponse response = request("GET", "/admin/stats", token, "");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.error().get("code").asText()).isEqualTo("invalid_admin_token");
            assertThat(response.header("x-request-id")).startsWith("req_");
        }
    }

    @Test
    void configShowsAndChangesTheBehaviourForLaterRequests() {
        RawResponse before = request("GET", "/admin/config", TOKEN, "");
        assertThat(before.json().get("ttft").asText()).isEqualTo("200ms");
        RawResponse put =
                request(
                        "PUT",
                        "/admin/config",
                        TOKEN,
                        "{\"ttft\":\"0ms\",\"itl\":\"0ms\",\"output_tokens\":\"2\","
                                + "\"faults\":[{\"fault\":\"http_503\",\"probability\":0.0}]}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("output_tokens").asText()).isEqualTo("2");
        assertThat(put.json().get("faults").get(0).get("fault").asText()).isEqualTo("http_503");
        // Zero delays now: the completion is answered at once, with two tokens.
        RawResponse chat =
                RawResponse.parse(
                        mock.send(EmbeddedMock.post("/v1/chat/completions", CHAT_BODY)).output());
        assertThat(chat.json().get("usage").get("completion_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void badConfigIs400NamingTheFieldAndChangesNothing() {
        RawResponse bad =
                request("PUT", "/admin/config", TOKEN, "{\"ttft\":\"0ms\",\"itl\":\"fast\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error().get("param").asText()).isEqualTo("itl");
        assertThat(
                        request("PUT", "/admin/config", TOKEN, "{\"colour\":1}")
                                .error()
                                .get("param")
                                .asText())
                .isEqualTo("colour");
        assertThat(
                        request(
                                        "PUT",
                                        "/admin/config",
                                        TOKEN,
                                        "{\"faults\":[{\"fault\":\"http_500\",\"probability\":2}]}")
                                .error()
                                .get("param")
                                .asText())
                .isEqualTo("faults");
        assertThat(request("GET", "/admin/config", TOKEN, "").json().get("ttft").asText())
                .isEqualTo("200ms");
        assertThat(request("POST", "/admin/config", TOKEN, "").status()).isEqualTo(405);
    }

    @Test
    void statsCountOutcomesAndLagAndResetOnDelete() {
        mock.send(EmbeddedMock.post("/v1/chat/completions", CHAT_BODY, "x-mock-fault: http_500"))
                .output();
        mock.send(
                        EmbeddedMock.post(
                                "/v1/chat/completions", CHAT_BODY.replace("MiniMax-M3", "nope")))
                .output();
        mock.send(EmbeddedMock.post("/v1/chat/completions", CHAT_BODY));
        mock.advanceMillis(5_000).output();
        RawResponse stats = request("GET", "/admin/stats", TOKEN, "");
        assertThat(stats.json().get("requests_admitted").asLong()).isEqualTo(2);
        assertThat(stats.json().get("requests_refused").asLong()).isEqualTo(1);
        assertThat(stats.json().get("settled").get("completed").asLong()).isEqualTo(1);
        assertThat(stats.json().get("settled").get("upstream_error_before_first_byte").asLong())
                .isEqualTo(1);
        assertThat(stats.json().get("faults_injected").get("http_500").asLong()).isEqualTo(1);
        assertThat(stats.json().get("scheduling_lag_us").get("count").asLong()).isEqualTo(1);
        assertThat(stats.json().get("scheduling_lag_us").has("p99")).isTrue();
        RawResponse reset = request("DELETE", "/admin/stats", TOKEN, "");
        assertThat(reset.json().get("requests_admitted").asLong()).isZero();
        assertThat(reset.json().get("scheduling_lag_us").get("count").asLong()).isZero();
    }

    @Test
    void statsShowTheEmissionSchedulersTicks() {
        String streamBody = CHAT_BODY.replace("}]}", "}],\"stream\":true}");
        mock.send(EmbeddedMock.post("/v1/chat/completions", streamBody));
        // The virtual clock jumps 5 s at once: the stream catches up one emission per wake-up.
        assertThat(mock.advanceMillis(5_000).output()).contains("data: [DONE]");
        RawResponse stats = request("GET", "/admin/stats", TOKEN, "");
        long emissions = stats.json().get("scheduling_lag_us").get("count").asLong();
        assertThat(emissions).isGreaterThan(1);
        assertThat(stats.json().get("emissions_per_tick").get("ticks").asLong())
                .isEqualTo(emissions);
        assertThat(stats.json().get("emissions_per_tick").get("max").asLong()).isEqualTo(1);
        assertThat(stats.json().get("tick_last_lag_us").get("max").asDouble())
                .isEqualTo(stats.json().get("scheduling_lag_us").get("max").asDouble());
        RawResponse reset = request("DELETE", "/admin/stats", TOKEN, "");
        assertThat(reset.json().get("emissions_per_tick").get("ticks").asLong()).isZero();
    }

    @Test
    void registeredRouteGroupsServeTheirPrefix() {
        RawResponse response = request("GET", "/api/usage/token/?q=1", null, "");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("path").asText()).isEqualTo("/api/usage/token/");
        assertThat(response.json().get("q").asText()).isEqualTo("1");
        assertThat(response.header("x-request-id")).startsWith("req_");
        assertThat(request("GET", "/api/usage/tokens", null, "").status())
                .as("not under the prefix")
                .isEqualTo(404);
    }
}
