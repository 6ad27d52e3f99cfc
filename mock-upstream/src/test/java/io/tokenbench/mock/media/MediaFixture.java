package io.tokenbench.mock.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.StaticKeyGate;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A mock on a loopback port with a recording static gate, the official SDK (response validation on)
 * and a JDK client for raw requests. Test helper shared by the media endpoint tests; as a JUnit
 * extension ({@code @RegisterExtension static final MediaFixture fixture = new MediaFixture();}) it
 * closes itself after the class's tests.
 */
public final class MediaFixture implements AutoCloseable, AfterAllCallback {

    public final RecordingGate gate = new RecordingGate();
    public final MockUpstream mock;
    public final OpenAIClient sdk;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public MediaFixture() {
        this(MockConfig.defaults());
    }

    public MediaFixture(MockConfig config) {
        this(config, Behavior.ZERO_LATENCY);
    }

    /** A mock with {@code behavior} (for example a media latency model) instead of zero latency. */
    public MediaFixture(MockConfig config, Behavior behavior) {
        mock =
                MockUpstream.start(
                        config.withPort(0).withIoThreads(1).withGate(gate).withBehavior(behavior));
        sdk =
                OpenAIOkHttpClient.builder()
                        .baseUrl(mock.baseUrl() + "/v1")
                        .apiKey(MockConfig.DEFAULT_API_KEY)
                        .responseValidation(true)
                        .maxRetries(0)
                        .timeout(Duration.ofSeconds(20))
                        .build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** A raw request with the default key; {@code body} null sends none. */
    public HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) {
        return send(method, path, contentType, body, MockConfig.DEFAULT_API_KEY);
    }

    /** A raw request with {@code apiKey} (null sends no authorization). */
    public HttpResponse<byte[]> send(
            String method, String path, String contentType, byte[] body, String apiKey) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            builder.header("authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            builder.header("content-type", contentType);
        }
        return exchange(builder.build());
    }

    /** A raw request with the default key and extra header name/value pairs. */
    public HttpResponse<byte[]> sendWithHeaders(
            String method, String path, String contentType, byte[] body, String... headerPairs) {
        return exchange(request(method, path, contentType, body, headerPairs));
    }

    /** The request {@link #sendWithHeaders} sends. */
    public HttpRequest request(
            String method, String path, String contentType, byte[] body, String... headerPairs) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
                        .header("authorization", "Bearer " + MockConfig.DEFAULT_API_KEY)
                        .header("content-type", contentType)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headerPairs.length; i += 2) {
            builder.header(headerPairs[i], headerPairs[i + 1]);
        }
        return builder.build();
    }

    /** The JDK client (HTTP/1.1) the raw requests use. */
    public HttpClient http() {
        return http;
    }

    /**
     * Waits up to 10 s for the gate to have {@code count} settlements (they can follow the
     * response).
     */
    public void awaitSettlements(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (gate.settlements.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        org.assertj.core.api.Assertions.assertThat(gate.settlements)
                .hasSizeGreaterThanOrEqualTo(count);
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> postJson(String path, String json) {
        return send(
                "POST",
                path,
                "application/json",
                json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The {@code error} object of an OpenAI-style error body. */
    public static JsonNode error(HttpResponse<byte[]> response) {
        try {
            return JsonBody.JSON.readTree(response.body()).get("error");
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(response.body()), e);
        }
    }

    @Override
    public void close() {
        sdk.close();
        mock.close();
    }

    /** The static gate, recording admissions and settlements. */
    public static final class RecordingGate implements RequestGate {
        public final List<AdmissionRequest> admissions = new CopyOnWriteArrayList<>();
        public final List<Settlement> settlements = new CopyOnWriteArrayList<>();
        private final RequestGate delegate = new StaticKeyGate(List.of(MockConfig.DEFAULT_API_KEY));

        @Override
        public Admission admit(AdmissionRequest request) {
            admissions.add(request);
            return delegate.admit(request);
        }

        @Override
        public void settle(Settlement settlement) {
            settlements.add(settlement);
        }

        public Settlement last() {
            return settlements.get(settlements.size() - 1);
        }
    }
}
