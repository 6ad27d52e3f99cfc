package io.tokenbench.mock.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.enforcement.PowerTokensPlatform;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.mock.testing.NoLeaks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The media endpoints billed through the PowerTokens key ledger: images per image, speech per audio
 * second, a video job per video second (once, polls free), injected faults refunded; the key's
 * {@code used_total} equals the catalog prices times the usage, checked by hand below.
 */
@ExtendWith(NoLeaks.class)
class MediaBillingTest {

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

    private HttpResponse<String> send(
            String method, String path, String bearer, String body, String... headers)
            throws Exception {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("content-type", "application/json")
                        .header("authorization", "Bearer " + bearer);
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLedgerChargesCatalogPricesForMediaUsage() throws Exception {
        HttpResponse<String> created =
                send("POST", "/admin/keys", mock.adminToken(), "{\"name\":\"media\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode key = MAPPER.readTree(created.body());
        String secret = key.get("key").asText();

        // gpt-image-1: 0.04 Credits per image, 2 images -> 0.08
        assertThat(
                        send(
                                        "POST",
                                        "/v1/images/generations",
                                        secret,
                                        "{\"model\":\"gpt-image-1\",\"prompt\":\"x\",\"n\":2,\"size\":\"256x256\"}")
                                .statusCode())
                .isEqualTo(200);
        // tts-1: 0.00025 Credits per second; 60 chars -> 4 s -> 0.001
        assertThat(
                        send(
                                        "POST",
                                        "/v1/audio/speech",
                                        secret,
                                        "{\"model\":\"tts-1\",\"voice\":\"alloy\",\"input\":\""
                                                + "x".repeat(60)
                                                + "\",\"response_format\":\"pcm\"}")
                                .statusCode())
                .isEqualTo(200);
        // sora-2: 0.1 Credits per second, 4 s -> 0.4, submitted twice with one idempotency key,
        // polled once
        HttpResponse<String> video =
                send(
                        "POST",
                        "/v1/videos",
                        secret,
                        "{\"prompt\":\"x\",\"seconds\":\"4\"}",
                        "idempotency-key",
                        "job-1");
        assertThat(video.statusCode()).as(video.body()).isEqualTo(200);
        assertThat(
                        send(
                                        "POST",
                                        "/v1/videos",
                                        secret,
                                        "{\"prompt\":\"x\",\"seconds\":\"4\"}",
                                        "idempotency-key",
                                        "job-1")
                                .statusCode())
                .isEqualTo(200);
        String videoId = MAPPER.readTree(video.body()).get("id").asText();
        assertThat(send("GET", "/v1/videos/" + videoId, secret, null).statusCode()).isEqualTo(200);
        // An injected 503 is refunded.
        assertThat(
                        send(
                                        "POST",
                                        "/v1/images/generations",
                                        secret,
                                        "{\"prompt\":\"x\",\"size\":\"256x256\"}",
                                        "x-mock-fault",
                                        "http_503")
                                .statusCode())
                .isEqualTo(503);

        for (int i = 0;
                i < 6_000 && keys.gate().inFlight() > 0;
                i++) { // waits for settlement, not a speed bound
            Thread.sleep(5);
        }
        JsonNode after =
                MAPPER.readTree(
                        send(
                                        "GET",
                                        "/admin/keys/" + key.get("id").asLong(),
                                        mock.adminToken(),
                                        null)
                                .body());
        assertThat(after.get("used_total").decimalValue()).isEqualByComparingTo("0.481");
    }
}
