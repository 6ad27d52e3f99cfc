package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.platform.ConcurrencyMode;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.ErrorStyle;
import io.tokenbench.mock.platformadmin.AdminResponse;
import io.tokenbench.mock.platformadmin.PlatformRoutes;
import io.tokenbench.mock.routing.RouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS);
    private final List<RouteGroup> routes = PlatformRoutes.all(f.platform);

    private AdminResponse call(String method, String path, String body) {
        return call(method, path, Map.of(), Map.of(), body);
    }

    private AdminResponse call(
            String method,
            String path,
            Map<String, List<String>> query,
            Map<String, String> headers,
            String body) {
        RouteRequest request =
                new RouteRequest(
                        "req-test",
                        1,
                        method,
                        path,
                        query,
                        name -> header(headers, name),
                        null,
                        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
        RouteResponse r =
                group(path)
                        .orElseThrow(() -> new AssertionError("no route group for " + path))
                        .handle(request);
        assertThat(r.contentType()).isEqualTo(RouteResponse.JSON);
        return new AdminResponse(r.status(), r.headers(), r.body());
    }

    /** The group the server would hand {@code path} to: the path is its prefix or below it. */
    private Optional<RouteGroup> group(String path) {
        return routes.stream()
                .filter(g -> path.equals(g.pathPrefix()) || path.startsWith(g.pathPrefix() + "/"))
                .findFirst();
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static JsonNode json(AdminResponse r) throws Exception {
        return MAPPER.readTree(r.jsonBody());
    }

    private JsonNode createKey(String body) throws Exception {
        AdminResponse r = call("POST", "/admin/keys", body);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(201);
        return json(r);
    }

    @Test
    void createShowsTheFullKeyOnceAndAllFieldsOfTheKeyObject() throws Exception {
        JsonNode created =
                createKey(
                        "{\"name\":\"ci\",\"limit_credits\":5.0,\"reset\":\"weekly\",\"expiration\":\"7d\"}");
        String secret = created.get("key").asText();
        assertThat(secret).matches("sk-[0-9A-Za-z]{48}");
        assertThat(created.get("status").asText()).isEqualTo("enabled");
        assertThat(created.get("unlimited").asBoolean()).isFalse();
        assertThat(created.get("limit_credits").decimalValue()).isEqualByComparingTo("5");
        assertThat(created.get("reset").asText()).isEqualTo("weekly");
        assertThat(created.get("created_at").asText()).isEqualTo("2026-03-10T12:00:00Z");
        assertThat(created.get("expires_at").asText()).isEqualTo("2026-03-17T12:00:00Z");
        assertThat(created.get("used_in_period").decimalValue()).isZero();
        assertThat(created.get("used_total").decimalValue()).isZero();
        assertThat(created.get("remaining").decimalValue()).isEqualByComparingTo("5");
        assertThat(created.get("period_start").asText()).isEqualTo("2026-03-09T00:00:00Z");
        assertThat(created.get("next_reset_at").asText()).isEqualTo("2026-03-16T00:00:00Z");
        List<String> fields = new java.util.ArrayList<>();
        created.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactly(
                        "id",
                        "name",
                        "key",
                        "status",
                        "unlimited",
                        "limit_credits",
                        "reset",
                        "created_at",
                        "expires_at",
                        "used_in_period",
                        "used_total",
                        "remaining",
                        "period_start",
                        "next_reset_at");

        long id = created.get("id").asLong();
        AdminResponse list = call("GET", "/admin/keys", null);
        AdminResponse get = call("GET", "/admin/keys/" + id, null);
        String masked =
                secret.substring(0, 4) + "**********" + secret.substring(secret.length() - 4);
        assertThat(json(get).get("key").asText()).isEqualTo(masked);
        assertThat(list.bodyText()).contains(masked).doesNotContain(secret);
        assertThat(get.bodyText()).doesNotContain(secret);
    }

    @Test
    void usageAndLogsReflectRequestsAndTheTokenUsageEndpointHasTheNewApiShape() throws Exception {
        JsonNode created = createKey("{\"name\":\"ci\",\"limit_credits\":0.01}");
        String secret = created.get("key").asText();
        f.complete(secret, 100, null, Usage.tokens(100, 50));
        f.admit("sk-nope", 1, 1);

        JsonNode key = json(call("GET", "/admin/keys/" + created.get("id").asLong(), null));
        assertThat(key.get("used_total").decimalValue()).isEqualByComparingTo("0.0002");
        assertThat(key.get("remaining").decimalValue()).isEqualByComparingTo("0.0098");

        JsonNode logs =
                json(
                        call(
                                "GET",
                                "/admin/logs",
                                Map.of(
                                        "key_id",
                                        List.of(created.get("id").asText()),
                                        "since",
                                        List.of("2026-03-10T00:00:00Z")),
                                Map.of(),
                                null));
        assertThat(logs.get("data")).hasSize(1);
        JsonNode row = logs.get("data").get(0);
        assertThat(row.get("credits").decimalValue()).isEqualByComparingTo("0.0002");
        assertThat(row.get("key_name").asText()).isEqualTo("ci");
        assertThat(row.get("prompt_tokens").asLong()).isEqualTo(100);
        assertThat(row.get("completion_tokens").asLong()).isEqualTo(50);
        assertThat(row.toString()).doesNotContain(secret);
        assertThat(
                        json(call(
                                        "GET",
                                        "/admin/logs",
                                        Map.of("since", List.of("2026-03-11T00:00:00Z")),
                                        Map.of(),
                                        null))
                                .get("data"))
                .isEmpty();

        JsonNode usage = json(call("GET", "/admin/usage", null));
        assertThat(usage.get("keys").get(0).get("requests").asLong()).isEqualTo(1);
        assertThat(usage.get("keys").get(0).get("success_rate").asDouble()).isEqualTo(1.0);
        assertThat(usage.get("models").get(0).get("model").asText()).isEqualTo("m");

        AdminResponse tokenUsage =
                call(
                        "GET",
                        "/api/usage/token/",
                        Map.of(),
                        Map.of("Authorization", "Bearer " + secret),
                        null);
        assertThat(tokenUsage.status()).isEqualTo(200);
        assertThat(json(tokenUsage))
                .isEqualTo(
                        MAPPER.readTree(
                                "{\"code\":true,\"data\":{\"object\":\"token_usage\","
                                        + "\"name\":\"ci\",\"total_granted\":0.01,\"total_used\":0.0002,\"total_available\":0.0098,"
                                        + "\"unlimited_quota\":false,\"expires_at\":0}}"));
        AdminResponse noKey = call("GET", "/api/usage/token/", Map.of(), Map.of(), null);
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(json(noKey).get("success").asBoolean()).isFalse();
        assertThat(
                        call(
                                        "GET",
                                        "/api/usage/token/",
                                        Map.of(),
                                        Map.of("authorization", "Bearer sk-wrong"),
                                        null)
                                .status())
                .isEqualTo(401);
    }

    @Test
    void patchEnablesDisablesAndChangesTheLimit() throws Exception {
        JsonNode created = createKey("{\"name\":\"ci\",\"limit_credits\":1}");
        String path = "/admin/keys/" + created.get("id").asLong();
        assertThat(json(call("PATCH", path, "{\"status\":\"disabled\"}")).get("status").asText())
                .isEqualTo("disabled");
        assertThat(f.admit(created.get("key").asText(), 1, 1))
                .isInstanceOf(io.tokenbench.mock.gate.Admission.Rejected.class);
        JsonNode patched =
                json(call("PATCH", path, "{\"status\":\"enabled\",\"limit_credits\":null}"));
        assertThat(patched.get("status").asText()).isEqualTo("enabled");
        assertThat(patched.get("unlimited").asBoolean()).isTrue();
        assertThat(patched.get("remaining").isNull()).isTrue();
        assertThat(
                        json(call("PATCH", path, "{\"limit_credits\":2.5}"))
                                .get("limit_credits")
                                .decimalValue())
                .isEqualByComparingTo("2.5");
        assertThat(call("DELETE", path, null).status()).isEqualTo(200);
        assertThat(call("GET", path, null).status()).isEqualTo(404);
        assertThat(call("DELETE", path, null).status()).isEqualTo(404);
    }

    @Test
    void clockSetAndAdvanceApplyResetsAtOnce() throws Exception {
        JsonNode created =
                createKey("{\"name\":\"d\",\"limit_credits\":0.001,\"reset\":\"daily\"}");
        f.complete(created.get("key").asText(), 100, null, Usage.tokens(100, 450));
        String path = "/admin/keys/" + created.get("id").asLong();
        assertThat(json(call("GET", path, null)).get("status").asText()).isEqualTo("exhausted");
        JsonNode clock = json(call("POST", "/admin/clock", "{\"set\":\"2026-03-10T23:59:59Z\"}"));
        assertThat(clock.get("now").asText()).isEqualTo("2026-03-10T23:59:59Z");
        assertThat(json(call("GET", path, null)).get("status").asText()).isEqualTo("exhausted");
        call("POST", "/admin/clock", "{\"advance_seconds\":1}");
        JsonNode after = json(call("GET", path, null));
        assertThat(after.get("status").asText()).isEqualTo("enabled");
        assertThat(after.get("used_in_period").decimalValue()).isZero();
        assertThat(after.get("used_total").decimalValue()).isEqualByComparingTo("0.001");
        assertThat(after.get("period_start").asText()).isEqualTo("2026-03-11T00:00:00Z");
        assertThat(json(call("GET", "/admin/clock", null)).get("now").asText())
                .isEqualTo("2026-03-11T00:00:00Z");
    }

    @Test
    void enforcementIsReadAndChangedAtRunTime() throws Exception {
        assertThat(json(call("GET", "/admin/enforcement", null)).get("concurrency").asText())
                .isEqualTo("check_then_act");
        AdminResponse put =
                call(
                        "PUT",
                        "/admin/enforcement",
                        "{\"concurrency\":\"atomic\",\"error_style\":\"openai\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(f.platform.profile().concurrency()).isEqualTo(ConcurrencyMode.ATOMIC);
        assertThat(f.platform.profile().errorStyle()).isEqualTo(ErrorStyle.OPENAI);
        assertThat(json(call("GET", "/admin/enforcement", null)).get("error_style").asText())
                .isEqualTo("openai");
        AdminResponse lag =
                call(
                        "PUT",
                        "/admin/enforcement",
                        "{\"ledger_read_lag\":\"uniform(0ms,2s)\",\"usage_reports_granted\":false}");
        assertThat(lag.status()).isEqualTo(200);
        JsonNode shown = json(call("GET", "/admin/enforcement", null));
        assertThat(shown.get("ledger_read_lag").asText()).isEqualTo("uniform(0ms,2s)");
        assertThat(shown.get("usage_reports_granted").asBoolean()).isFalse();
        assertThat(f.platform.profile().usageReportsGranted()).isFalse();
    }

    @Test
    void badInputIs400WithAnOpenAiErrorAndChangesNothing() throws Exception {
        JsonNode created = createKey("{\"name\":\"keep\",\"limit_credits\":1}");
        String path = "/admin/keys/" + created.get("id").asLong();
        String before = call("GET", "/admin/keys", null).bodyText();
        EnforcementProfile profileBefore = f.platform.profile();
        Instant clockBefore = f.clock.instant();
        String[][] bad = {
            {"POST", "/admin/keys", "{\"name\":\"x\",\"reset\":\"hourly\"}", "reset"},
            {"POST", "/admin/keys", "{\"name\":\"x\",\"limit_credits\":-1}", "limit_credits"},
            {
                "POST",
                "/admin/keys",
                "{\"name\":\"x\",\"limit_credits\":0.0000001}",
                "limit_credits"
            },
            {"POST", "/admin/keys", "{\"name\":\"x\",\"limit_credits\":\"5\"}", "limit_credits"},
            {"POST", "/admin/keys", "{\"name\":\"x\",\"expiration\":\"14d\"}", "expiration"},
            {"POST", "/admin/keys", "{\"name\":\"\"}", "name"},
            {"POST", "/admin/keys", "{\"limit_credits\":1}", "name"},
            {"POST", "/admin/keys", "{\"name\":\"x\",\"owner\":\"y\"}", "owner"},
            {"POST", "/admin/keys", "{\"name\":\"x\"", null},
            {"POST", "/admin/keys", "{\"name\":\"x\"} {}", null},
            {"POST", "/admin/keys", "[1]", null},
            {"POST", "/admin/keys", "", null},
            {"PATCH", path, "{\"status\":\"exhausted\"}", "status"},
            {"PATCH", path, "{\"status\":\"disabled\",\"limit_credits\":-2}", "limit_credits"},
            {"PATCH", path, "{}", null},
            {"POST", "/admin/clock", "{\"set\":\"tomorrow\"}", "set"},
            {"POST", "/admin/clock", "{\"advance_seconds\":-60}", "advance_seconds"},
            {"POST", "/admin/clock", "{\"advance_seconds\":1.5}", "advance_seconds"},
            {
                "POST",
                "/admin/clock",
                "{\"set\":\"2027-01-01T00:00:00Z\",\"advance_seconds\":1}",
                null
            },
            {
                "PUT",
                "/admin/enforcement",
                "{\"concurrency\":\"atomic\",\"error_style\":\"azure\"}",
                "error_style"
            },
            {"PUT", "/admin/enforcement", "{\"fail_open\":\"true\"}", "fail_open"},
            {"PUT", "/admin/enforcement", "{\"turbo\":true}", "turbo"},
            {"PUT", "/admin/enforcement", "{\"ledger_read_lag\":\"2\"}", "ledger_read_lag"},
            {"PUT", "/admin/enforcement", "{\"ledger_read_lag\":2000}", "ledger_read_lag"},
            {
                "PUT",
                "/admin/enforcement",
                "{\"usage_reports_granted\":\"no\"}",
                "usage_reports_granted"
            },
        };
        for (String[] b : bad) {
            AdminResponse r = call(b[0], b[1], b[2]);
            assertThat(r.status()).as(b[0] + " " + b[2]).isEqualTo(400);
            JsonNode error = json(r).get("error");
            assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.get("message").asText()).isNotBlank();
            if (b[3] == null) {
                assertThat(error.get("param").isNull()).as(b[2]).isTrue();
            } else {
                assertThat(error.get("param").asText()).as(b[2]).isEqualTo(b[3]);
            }
        }
        assertThat(call("GET", "/admin/keys", null).bodyText()).isEqualTo(before);
        assertThat(f.platform.profile()).isEqualTo(profileBefore);
        assertThat(f.clock.instant()).isEqualTo(clockBefore);
        assertThat(
                        call("GET", "/admin/logs", Map.of("key_id", List.of("abc")), Map.of(), null)
                                .status())
                .isEqualTo(400);
    }

    @Test
    void unknownPathsAndMethodsAre404And405() {
        assertThat(group("/admin/nothing")).as("left to the server's 404").isEmpty();
        assertThat(call("GET", "/admin/keys/abc", null).status()).isEqualTo(404);
        assertThat(call("PUT", "/admin/keys", "{}").status()).isEqualTo(405);
        assertThat(call("POST", "/api/usage/token/", "{}").status()).isEqualTo(405);
        assertThat(call("GET", "/admin/clock/extra", null).status()).isEqualTo(404);
        assertThat(group("/admin/keys")).isPresent();
        assertThat(group("/admin/keysx")).isEmpty();
        assertThat(group("/v1/chat/completions")).isEmpty();
        assertThat(routes)
                .extracting(RouteGroup::pathPrefix)
                .as("one group per resource, each mounted once")
                .containsExactlyInAnyOrder(
                        "/admin/keys",
                        "/admin/clock",
                        "/admin/logs",
                        "/admin/usage",
                        "/admin/enforcement",
                        "/api/usage/token");
    }

    @Test
    void logsComeInPagesOfLimitRowsContinuedWithAfter() throws Exception {
        for (int i = 0; i < 1005; i++) {
            f.platform
                    .log()
                    .append(
                            new io.tokenbench.mock.billing.UsageRow(
                                    Instant.parse("2026-03-10T12:00:00Z"),
                                    "req-" + i,
                                    i % 2 == 0 ? 7 : 8,
                                    "k",
                                    "gpt-4o-mini",
                                    "/v1/chat/completions",
                                    1,
                                    1,
                                    1,
                                    false,
                                    200,
                                    null,
                                    Instant.parse("2026-03-10T00:00:00Z")));
        }
        JsonNode byDefault = json(call("GET", "/admin/logs", null));
        assertThat(byDefault.get("data")).as("1000 rows unless asked").hasSize(1000);
        assertThat(byDefault.get("data").get(0).get("request_id").asText())
                .as("oldest first")
                .isEqualTo("req-0");
        assertThat(byDefault.get("has_more").asBoolean()).isTrue();
        JsonNode rest =
                json(
                        call(
                                "GET",
                                "/admin/logs",
                                Map.of("after", List.of(byDefault.get("next_after").asText())),
                                Map.of(),
                                null));
        assertThat(rest.get("data"))
                .extracting(r -> r.get("request_id").asText())
                .containsExactly("req-1000", "req-1001", "req-1002", "req-1003", "req-1004");
        assertThat(rest.get("has_more").asBoolean()).isFalse();

        JsonNode oneKey =
                json(call("GET", "/admin/logs", Map.of("key_id", List.of("8")), Map.of(), null));
        assertThat(oneKey.get("data")).as("every row of a key with fewer than 1000").hasSize(502);
        assertThat(oneKey.get("has_more").asBoolean()).isFalse();
        JsonNode two =
                json(
                        call(
                                "GET",
                                "/admin/logs",
                                Map.of(
                                        "key_id",
                                        List.of("7"),
                                        "limit",
                                        List.of("2"),
                                        "after",
                                        List.of("1")),
                                Map.of(),
                                null));
        assertThat(two.get("data"))
                .extracting(r -> r.get("request_id").asText())
                .containsExactly("req-2", "req-4");
        assertThat(
                        json(call(
                                        "GET",
                                        "/admin/logs",
                                        Map.of("limit", List.of("10000")),
                                        Map.of(),
                                        null))
                                .get("data"))
                .hasSize(1005);

        for (String[] bad :
                new String[][] {
                    {"limit", "0"},
                    {"limit", "10001"},
                    {"limit", "ten"},
                    {"limit", ""},
                    {"after", "-1"},
                    {"after", "x"}
                }) {
            AdminResponse refused =
                    call("GET", "/admin/logs", Map.of(bad[0], List.of(bad[1])), Map.of(), null);
            assertThat(refused.status()).as(String.join("=", bad)).isEqualTo(400);
            assertThat(json(refused).get("error").get("param").asText()).isEqualTo(bad[0]);
        }
    }
}
