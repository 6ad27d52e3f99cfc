package io.tokenbench.simulations.keys.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Sends chat completions the way the verifier needs them: one blocking call per thread (the caller
 * chooses the concurrency), SSE read line by line with an exact cancellation point (closing the
 * body closes the HTTP/1.1 connection, which the server sees as a client disconnect), usage taken
 * from the server's answer. Never throws for HTTP or transport failures: they are a {@link
 * CallResult}.
 *
 * <p>Thread-safe (the JDK client is).
 */
public final class GatewayClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ERROR_BODY_CHARS = 8192;

    private final HttpClient http;
    private final URI chatUri;
    private final Duration requestTimeout;
    private final Map<String, String> extraHeaders;

    public GatewayClient(URI baseUrl, Duration requestTimeout) {
        this(baseUrl, requestTimeout, Map.of());
    }

    /**
     * As above; {@code extraHeaders} go with every call ({@code --header}, {@code --header-env}).
     */
    public GatewayClient(URI baseUrl, Duration requestTimeout, Map<String, String> extraHeaders) {
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();
        this.chatUri = Endpoints.resolve(baseUrl, "/v1/chat/completions");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /**
     * @param key the key to send; null sends no Authorization header
     */
    public CallResult call(ChatProbe probe, Secret key) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(chatUri)
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body(probe)));
        if (key != null) {
            b.header("Authorization", key.bearer());
        }
        probe.headers().forEach(b::header);
        extraHeaders.forEach(b::setHeader); // the user's replace ours of the same name
        long sent = System.nanoTime();
        HttpResponse<InputStream> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            return failed(sent, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(sent, "interrupted");
        }
        String contentType = r.headers().firstValue("content-type").orElse(null);
        String oneapi = r.headers().firstValue("x-oneapi-request-id").orElse(null);
        String requestId =
                oneapi != null ? oneapi : r.headers().firstValue("x-request-id").orElse(null);
        try (InputStream in = r.body()) {
            if (r.statusCode() < 200 || r.statusCode() >= 300) {
                String text =
                        new String(in.readNBytes(MAX_ERROR_BODY_CHARS), StandardCharsets.UTF_8);
                return new CallResult(
                        r.statusCode(),
                        requestId,
                        oneapi != null,
                        contentType,
                        -1,
                        -1,
                        0,
                        false,
                        text,
                        sent,
                        System.nanoTime(),
                        null);
            }
            if (contentType != null && contentType.startsWith("text/event-stream")) {
                return readStream(
                        probe, in, r.statusCode(), requestId, oneapi != null, contentType, sent);
            }
            JsonNode usage = JSON.readTree(in).path("usage");
            return new CallResult(
                    r.statusCode(),
                    requestId,
                    oneapi != null,
                    contentType,
                    usage.path("prompt_tokens").asLong(-1),
                    usage.path("completion_tokens").asLong(-1),
                    1,
                    false,
                    null,
                    sent,
                    System.nanoTime(),
                    null);
        } catch (IOException e) {
            return new CallResult(
                    r.statusCode(),
                    requestId,
                    oneapi != null,
                    contentType,
                    -1,
                    -1,
                    0,
                    false,
                    null,
                    sent,
                    System.nanoTime(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static CallResult readStream(
            ChatProbe probe,
            InputStream in,
            int status,
            String requestId,
            boolean oneapi,
            String contentType,
            long sent)
            throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int events = 0;
        long prompt = -1;
        long completion = -1;
        String line;
        while ((line = reader.readLine()) != null) {
            if (!line.startsWith("data:")) {
                continue;
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                break;
            }
            JsonNode chunk = JSON.readTree(data);
            JsonNode usage = chunk.path("usage");
            if (usage.isObject()) {
                prompt = usage.path("prompt_tokens").asLong(-1);
                completion = usage.path("completion_tokens").asLong(-1);
            }
            JsonNode choices = chunk.path("choices");
            if (choices.size() > 0
                    && !choices.get(0).path("delta").path("content").asText("").isEmpty()) {
                events++;
                if (probe.cancelAfterContentEvents() > 0
                        && events >= probe.cancelAfterContentEvents()) {
                    // Returning closes the body stream (try-with-resources in call): the connection
                    // is dropped.
                    return new CallResult(
                            status,
                            requestId,
                            oneapi,
                            contentType,
                            -1,
                            -1,
                            events,
                            true,
                            null,
                            sent,
                            System.nanoTime(),
                            null);
                }
            }
        }
        return new CallResult(
                status,
                requestId,
                oneapi,
                contentType,
                prompt,
                completion,
                events,
                false,
                null,
                sent,
                System.nanoTime(),
                null);
    }

    private static CallResult failed(long sent, String why) {
        return new CallResult(
                0, null, false, null, -1, -1, 0, false, null, sent, System.nanoTime(), why);
    }

    static String body(ChatProbe probe) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", probe.model());
        root.putArray("messages").addObject().put("role", "user").put("content", probe.prompt());
        if (probe.stream()) {
            root.put("stream", true);
            root.putObject("stream_options").put("include_usage", true);
        }
        if (probe.maxTokens() != null) {
            root.put("max_tokens", probe.maxTokens());
        }
        return root.toString();
    }
}
