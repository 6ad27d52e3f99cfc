package io.tokenbench.simulations.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP/1.1 server on raw sockets that misbehaves on purpose with every POST, counting
 * what it did (a GET, such as the harness's price lookup, gets a 404 and is not counted): it never
 * answers, resets a connection after reading a request (optionally after answering some requests on
 * the same keep-alive connection), or answers one status to everything with an OpenAI-style error
 * body that quotes the caller's key (to prove redaction).
 */
final class MisbehavingServer implements AutoCloseable {
    /** What the server does with each request it read. */
    enum Mode {
        NEVER_ANSWER,
        RESET_AFTER_REQUEST,
        STATUS,
        FLAKY
    }

    static final String OK_BODY =
            "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"fine thanks\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":5,"
                    + "\"completion_tokens\":2,\"total_tokens\":7}}";

    private static final Pattern BEARER = Pattern.compile("(?i)authorization: bearer (\\S+)");
    private static final Pattern LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

    private final ServerSocket server;
    private final Mode mode;
    private final int goodPerConnection;
    private final int status;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger requests = new AtomicInteger();
    final List<String> heads = new CopyOnWriteArrayList<>();
    final AtomicInteger answeredOk = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();

    private MisbehavingServer(Mode mode, int goodPerConnection, int status) throws IOException {
        this.mode = mode;
        this.goodPerConnection = goodPerConnection;
        this.status = status;
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "misbehaving-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Accepts connections and reads requests, and never writes a byte. */
    static MisbehavingServer neverAnswers() throws IOException {
        return new MisbehavingServer(Mode.NEVER_ANSWER, 0, 0);
    }

    /**
     * Answers {@code good} requests per connection with a complete non-streamed chat completion
     * (keep-alive), then resets the connection (RST) after reading the next one.
     */
    static MisbehavingServer resetsAfter(int good) throws IOException {
        return new MisbehavingServer(Mode.RESET_AFTER_REQUEST, good, 0);
    }

    /**
     * Answers every other request (the 1st, 3rd, ... it reads) 503 with {@code Retry-After: 0}, the
     * others with a complete chat completion.
     */
    static MisbehavingServer flaky() throws IOException {
        return new MisbehavingServer(Mode.FLAKY, 0, 503);
    }

    /** Answers {@code status} with an OpenAI-style error quoting the caller's key, keep-alive. */
    static MisbehavingServer answers(int status) throws IOException {
        return new MisbehavingServer(Mode.STATUS, 0, status);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    URI uri() {
        return URI.create(baseUrl());
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                connections.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "misbehaving-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            int served = 0;
            while (true) {
                String head = readRequest(in);
                if (head == null) {
                    return;
                }
                if (!head.startsWith("POST ")) {
                    // e.g. the harness's model price lookup: answered 404, not counted
                    write(out, 404, "application/json", "{\"error\":{\"message\":\"no\"}}");
                    continue;
                }
                int n = requests.incrementAndGet();
                if (heads.size() < 5) {
                    heads.add(head);
                }
                switch (mode) {
                    case NEVER_ANSWER -> {
                        // keep reading (nothing comes) until the client gives up
                    }
                    case RESET_AFTER_REQUEST -> {
                        if (served < goodPerConnection) {
                            served++;
                            answeredOk.incrementAndGet();
                            write(out, 200, "application/json", OK_BODY);
                        } else {
                            resets.incrementAndGet();
                            s.setSoLinger(true, 0);
                            s.close(); // RST
                            return;
                        }
                    }
                    case FLAKY -> {
                        if (n % 2 == 1) {
                            write(
                                    out,
                                    503,
                                    "application/json",
                                    "{\"error\":{\"message\":\"busy\"}}");
                        } else {
                            answeredOk.incrementAndGet();
                            write(out, 200, "application/json", OK_BODY);
                        }
                    }
                    case STATUS -> {
                        Matcher m = BEARER.matcher(head);
                        String key = m.find() ? m.group(1) : "none";
                        write(
                                out,
                                status,
                                "application/json",
                                "{\"error\":{\"message\":\"Incorrect API key provided: "
                                        + key
                                        + ". Status "
                                        + status
                                        + "\",\"type\":\"invalid_request_error\"}}");
                    }
                }
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private void write(OutputStream out, int code, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head =
                String.format(
                        Locale.ROOT,
                        "HTTP/1.1 %d X\r\ncontent-type: %s\r\ncontent-length: %d\r\n"
                                + "x-request-id: req_%d\r\nretry-after: 0\r\n\r\n",
                        code,
                        type,
                        bytes.length,
                        requests.get());
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
    }

    /** Reads one request (head and Content-Length body); null at end of stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        while (last4 != 0x0d0a0d0a) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last4 = (last4 << 8) | b;
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        Matcher m = LENGTH.matcher(text);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        in.readNBytes(length);
        return text;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
