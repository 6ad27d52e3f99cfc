package io.tokenbench.simulations.keys.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mock's admin API (mock-upstream/KEYS.md): keys, clock, logs, usage stats, enforcement
 * profile. Every call is checked against its documented status; anything else is an {@link
 * UncheckedIOException} naming the route (never the admin token or a key).
 */
public final class MockAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Rows per {@code GET /admin/logs} page, the mock's maximum. */
    private static final int LOG_PAGE_ROWS = 10_000;

    /**
     * A key as {@code GET /admin/keys/{id}} shows it; Credits in micro-Credits, null where the mock
     * says null.
     */
    public record KeyView(
            long id,
            String status,
            Long limitMicroCredits,
            long usedInPeriodMicroCredits,
            long usedTotalMicroCredits,
            Long remainingMicroCredits,
            Instant createdAt,
            Instant expiresAt,
            Instant periodStart,
            Instant nextResetAt) {}

    /** The key returned by create: the only moment the secret is seen. */
    public record CreatedKey(KeyView view, Secret secret) {}

    /** One usage-log row (the fields the verifier reconciles). */
    public record LogRow(
            String requestId,
            long keyId,
            long promptTokens,
            long completionTokens,
            long microCredits,
            int status,
            String cancelReason) {}

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
    private final URI base;
    private final Secret adminToken;

    public MockAdmin(URI baseUrl, Secret adminToken) {
        this.base = Endpoints.resolve(baseUrl, "");
        this.adminToken = adminToken;
    }

    /**
     * @param limitMicroCredits null = unlimited
     */
    public CreatedKey createKey(
            String name, Long limitMicroCredits, String reset, String expiration) {
        ObjectNode body =
                JSON.createObjectNode()
                        .put("name", name)
                        .put("reset", reset)
                        .put("expiration", expiration);
        if (limitMicroCredits == null) {
            body.putNull("limit_credits");
        } else {
            body.put("limit_credits", Credits.credits(limitMicroCredits));
        }
        JsonNode created = send("POST", "/admin/keys", body.toString(), 201);
        return new CreatedKey(view(created), Secret.of(created.path("key").asText()));
    }

    public KeyView key(long id) {
        return view(send("GET", "/admin/keys/" + id, null, 200));
    }

    public void patchKey(long id, String jsonBody) {
        send("PATCH", "/admin/keys/" + id, jsonBody, 200);
    }

    public Instant clock() {
        return Instant.parse(send("GET", "/admin/clock", null, 200).path("now").asText());
    }

    public Instant setClock(Instant now) {
        return Instant.parse(
                send(
                                "POST",
                                "/admin/clock",
                                JSON.createObjectNode().put("set", now.toString()).toString(),
                                200)
                        .path("now")
                        .asText());
    }

    public Instant advanceClock(long seconds) {
        return Instant.parse(
                send(
                                "POST",
                                "/admin/clock",
                                JSON.createObjectNode().put("advance_seconds", seconds).toString(),
                                200)
                        .path("now")
                        .asText());
    }

    /**
     * Every usage-log row of the key, read page by page ({@code limit}/{@code after}, see
     * mock-upstream KEYS.md).
     */
    public List<LogRow> logs(long keyId) {
        return logs(keyId, LOG_PAGE_ROWS);
    }

    List<LogRow> logs(long keyId, int pageRows) {
        List<LogRow> rows = new ArrayList<>();
        long after = 0;
        JsonNode page;
        do {
            page =
                    send(
                            "GET",
                            "/admin/logs?key_id="
                                    + keyId
                                    + "&limit="
                                    + pageRows
                                    + "&after="
                                    + after,
                            null,
                            200);
            for (JsonNode r : page.path("data")) {
                rows.add(
                        new LogRow(
                                r.path("request_id").asText(null),
                                r.path("key_id").asLong(),
                                r.path("prompt_tokens").asLong(),
                                r.path("completion_tokens").asLong(),
                                Credits.micro(r.path("credits")),
                                r.path("status").asInt(),
                                r.path("cancel_reason").isNull()
                                        ? null
                                        : r.path("cancel_reason").asText(null)));
            }
            after = page.path("next_after").asLong(after);
        } while (page.path("has_more").asBoolean(false));
        return rows;
    }

    /**
     * Credits the usage statistics ({@code GET /admin/usage}) attribute to the key, or null when
     * absent.
     */
    public Long usageStatsMicroCredits(long keyId) {
        for (JsonNode k : send("GET", "/admin/usage", null, 200).path("keys")) {
            if (k.path("key_id").asLong(-1) == keyId) {
                return Credits.micro(k.path("credits"));
            }
        }
        return null;
    }

    public JsonNode enforcement() {
        return send("GET", "/admin/enforcement", null, 200);
    }

    /** {@code PUT /admin/enforcement} with any subset of the switches. */
    public JsonNode putEnforcement(String jsonBody) {
        return send("PUT", "/admin/enforcement", jsonBody, 200);
    }

    private static KeyView view(JsonNode k) {
        return new KeyView(
                k.path("id").asLong(),
                k.path("status").asText(),
                Credits.micro(k.path("limit_credits")),
                Credits.micro(k.path("used_in_period")),
                Credits.micro(k.path("used_total")),
                Credits.micro(k.path("remaining")),
                instant(k.path("created_at")),
                instant(k.path("expires_at")),
                instant(k.path("period_start")),
                instant(k.path("next_reset_at")));
    }

    private static Instant instant(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : Instant.parse(n.asText());
    }

    private JsonNode send(String method, String path, String body, int expected) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", adminToken.bearer())
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IOException(
                        method
                                + " "
                                + path
                                + " answered "
                                + r.statusCode()
                                + " (expected "
                                + expected
                                + "): "
                                + abbreviate(r.body()));
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            String why =
                    e.getClass() == IOException.class
                            ? e.getMessage()
                            : Failures.describe(URI.create(base + path), method + " " + path, e);
            throw new UncheckedIOException("mock admin API: " + why, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
