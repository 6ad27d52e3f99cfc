package io.tokenbench.benchmarks.client;

import io.tokenbench.benchmarks.target.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A lean client on the JDK's {@code java.net.http.HttpClient} (HTTP/1.1, pooled connections): a
 * pre-encoded body, the body read as bytes, SSE framed by {@link
 * io.tokenbench.benchmarks.sse.SseFramer} and tokens counted by scanning, no JSON parsing.
 */
final class JdkChatClient implements ChatClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int READ_BYTES = 8192;
    private final HttpClient http;
    private final HttpRequest completeRequest;
    private final HttpRequest streamRequest;

    JdkChatClient(Endpoint endpoint, ChatPrompt prompt) {
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(TIMEOUT)
                        .build();
        this.completeRequest = request(endpoint, prompt.jsonBody(false));
        this.streamRequest = request(endpoint, prompt.jsonBody(true));
    }

    private static HttpRequest request(Endpoint endpoint, byte[] body) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(endpoint.chatUri())
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + endpoint.apiKey())
                        .header("Content-Type", "application/json");
        endpoint.headers().forEach(builder::setHeader); // replaces a header of the same name
        return builder.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    @Override
    public long complete() {
        HttpResponse<byte[]> response =
                send(completeRequest, HttpResponse.BodyHandlers.ofByteArray());
        byte[] body = response.body();
        if (response.statusCode() != 200) {
            throw ChatFailure.status(
                    response.statusCode(), new String(body, StandardCharsets.UTF_8));
        }
        return UsageScan.completionTokens(body, body.length);
    }

    @Override
    public StreamCall stream() {
        HttpResponse<InputStream> response =
                send(streamRequest, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream in = response.body()) {
                throw ChatFailure.status(
                        response.statusCode(),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ChatFailure("HTTP " + response.statusCode() + " (body unreadable)", e);
            }
        }
        return new JdkStream(response.body());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw new ChatFailure("JDK HttpClient: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatFailure("interrupted", e);
        }
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() on Java 17; its threads end when it is
        // unreachable.
    }

    /**
     * Reads the body on the calling thread until {@code [DONE]}, then to EOF so the connection is
     * reused.
     */
    private static final class JdkStream implements StreamCall {
        private final InputStream body;
        private final EventCounter events = new EventCounter();
        private final byte[] chunk = new byte[READ_BYTES];
        private boolean eof;

        JdkStream(InputStream body) {
            this.body = body;
        }

        @Override
        public void awaitFirstContent() {
            while (events.contentEvents() == 0) {
                if (!read()) {
                    events.requireComplete();
                    throw new ChatFailure("stream ended before any content");
                }
                failOnError();
            }
        }

        @Override
        public long awaitEnd() {
            while (read()) {
                failOnError();
            }
            return events.requireComplete();
        }

        private void failOnError() {
            if (events.error() != null) {
                throw new ChatFailure(events.error());
            }
        }

        /** One read; false at EOF. */
        private boolean read() {
            if (eof) {
                return false;
            }
            try {
                int n = body.read(chunk);
                if (n < 0) {
                    eof = true;
                    return false;
                }
                events.feed(chunk, 0, n);
                return true;
            } catch (IOException e) {
                throw new ChatFailure("stream read failed: " + e, e);
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                throw new ChatFailure("closing the stream failed: " + e, e);
            }
        }
    }
}
