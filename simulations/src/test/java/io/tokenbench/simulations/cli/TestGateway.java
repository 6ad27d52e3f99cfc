package io.tokenbench.simulations.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Test helper: a tiny gateway in front of an upstream (the mock) on 127.0.0.1, port 0. It refuses
 * with 400 (Portkey's answer) a request without every required header, and with 401 one whose
 * header has the wrong value; otherwise it forwards the request and streams the answer back. It
 * records the header names of every request and, per required header, the values it saw. Over TLS
 * when given an {@link SSLContext} (mutual TLS when {@code needClientAuth}).
 */
final class TestGateway implements AutoCloseable {
    private final HttpServer server;
    private final URI upstream;
    private final Map<String, String> required;
    private final HttpClient client = HttpClient.newHttpClient();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final List<List<String>> headerNames = new CopyOnWriteArrayList<>();
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private final List<Long> arrivalNanos = new CopyOnWriteArrayList<>();
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    /** One forwarded POST: its arrival, its body, and the response bytes as text. */
    record Exchange(long arrivalNanos, String requestBody, String responseText) {}

    private TestGateway(HttpServer server, URI upstream, Map<String, String> required) {
        this.server = server;
        this.upstream = upstream;
        this.required = Map.copyOf(required);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
    }

    /** Plain HTTP; {@code required}: header name (lower case) to the value it must have. */
    static TestGateway http(String upstream, Map<String, String> required) throws IOException {
        return new TestGateway(
                HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0),
                URI.create(upstream),
                required);
    }

    /** HTTPS with {@code tls}; {@code needClientAuth}: mutual TLS. */
    static TestGateway https(
            String upstream, Map<String, String> required, SSLContext tls, boolean needClientAuth)
            throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setHttpsConfigurator(
                new HttpsConfigurator(tls) {
                    @Override
                    public void configure(HttpsParameters params) {
                        SSLParameters p = tls.getDefaultSSLParameters();
                        p.setNeedClientAuth(needClientAuth);
                        params.setSSLParameters(p);
                    }
                });
        return new TestGateway(s, URI.create(upstream), required);
    }

    String baseUrl() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    int forwarded() {
        return forwarded.get();
    }

    int refused() {
        return refused.get();
    }

    /** The header names (lower case) of every request, in arrival order. */
    List<List<String>> headerNames() {
        return headerNames;
    }

    /** The last value seen of a header (lower case name), or null. */
    String lastValue(String name) {
        return lastHeaders.get(name);
    }

    /** {@code System.nanoTime()} at each POST's arrival, in arrival order. */
    List<Long> arrivalNanos() {
        return arrivalNanos;
    }

    /** The forwarded POSTs with their responses, in completion order. */
    List<Exchange> exchanges() {
        return exchanges;
    }

    /** The bodies of the forwarded POSTs, in arrival order. */
    List<String> bodies() {
        return bodies;
    }

    private void handle(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        if (ex.getRequestMethod().equals("POST")) {
            arrivalNanos.add(arrived); // not the price lookup's GET
        }
        try (ex) {
            headerNames.add(
                    ex.getRequestHeaders().keySet().stream().map(String::toLowerCase).toList());
            ex.getRequestHeaders()
                    .forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
            for (Map.Entry<String, String> r : required.entrySet()) {
                String got = ex.getRequestHeaders().getFirst(r.getKey());
                if (got == null || !got.equals(r.getValue())) {
                    refused.incrementAndGet();
                    byte[] body =
                            ("{\"error\":{\"message\":\""
                                            + r.getKey()
                                            + " header is required\",\"type\":\"invalid_request_error\"}}")
                                    .getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(got == null ? 400 : 401, body.length);
                    ex.getResponseBody().write(body);
                    return;
                }
            }
            forward(ex, arrived);
        }
    }

    private void forward(HttpExchange ex, long arrived) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (ex.getRequestMethod().equals("POST")) {
            bodies.add(new String(body, StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b =
                HttpRequest.newBuilder(upstream.resolve(ex.getRequestURI().getRawPath()))
                        .method(
                                ex.getRequestMethod(),
                                HttpRequest.BodyPublishers.ofByteArray(body));
        for (String h : List.of("Authorization", "Content-Type", "Accept")) {
            String v = ex.getRequestHeaders().getFirst(h);
            if (v != null) {
                b.header(h, v);
            }
        }
        HttpResponse<InputStream> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        forwarded.incrementAndGet();
        r.headers()
                .firstValue("content-type")
                .ifPresent(ct -> ex.getResponseHeaders().set("Content-Type", ct));
        ex.sendResponseHeaders(r.statusCode(), 0); // chunked: streams pass through as they come
        java.io.ByteArrayOutputStream copy = new java.io.ByteArrayOutputStream();
        try (InputStream in = r.body();
                OutputStream out = ex.getResponseBody()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
                copy.write(buf, 0, n);
            }
        }
        if (ex.getRequestMethod().equals("POST")) {
            exchanges.add(
                    new Exchange(
                            arrived,
                            new String(body, StandardCharsets.UTF_8),
                            copy.toString(StandardCharsets.UTF_8)));
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
