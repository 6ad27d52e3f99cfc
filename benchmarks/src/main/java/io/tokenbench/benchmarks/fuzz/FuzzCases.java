package io.tokenbench.benchmarks.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Malformed requests drawn from a seed: bad methods, paths and percent-escapes, hostile headers,
 * broken chunking, truncated and oversized bodies, malformed JSON, multipart and WAV. Each case is
 * a byte sequence the client writes on its own connection before it reads; every one deserves an
 * answer (a truncated body gets 408 at the mock's request deadline).
 */
final class FuzzCases {

    static final String[] KINDS = {
        "method",
        "path",
        "escape",
        "header",
        "chunking",
        "oversized",
        "json",
        "multipart",
        "wav",
        "garbage"
    };

    /**
     * A truncated body is answered only at the mock's request deadline (30 s), so every {@value}th
     * case is one, and they run on their own pool of waiting connections.
     */
    static final int TRUNCATED_EVERY = 100;

    private static final String[] PATHS = {
        "/v1/chat/completions",
        "/v1/embeddings",
        "/v1/audio/transcriptions",
        "/v1/audio/speech",
        "/v1/images/generations",
        "/v1/videos",
        "/v1/models",
        "/admin/stats",
        "/nope"
    };
    private static final String AUTH = "Authorization: Bearer sk-tokenbench-local\r\n";

    private FuzzCases() {}

    static String kind(long index) {
        return index % TRUNCATED_EVERY == 0 ? "truncated" : KINDS[(int) (index % KINDS.length)];
    }

    static byte[] build(long index, long seed) {
        SplittableRandom r = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        String path = PATHS[r.nextInt(PATHS.length)];
        return switch (kind(index)) {
            case "method" -> request(randomToken(r, 1 + r.nextInt(12)), path, "", "{}");
            case "path" ->
                    request("POST", randomText(r, "/?&=#.~%az09 \t", 1 + r.nextInt(60)), "", "{}");
            case "escape" ->
                    request(
                            "POST",
                            path
                                    + "%"
                                    + randomText(r, "ZzG%0g", 2)
                                    + "?q=%"
                                    + randomText(r, "ZX1", 2),
                            AUTH,
                            "{}");
            case "header" -> request("POST", path, hostileHeader(r), "{\"model\":\"MiniMax-M3\"}");
            case "chunking" -> chunked(r, path);
            case "truncated" ->
                    ascii(
                            "POST "
                                    + path
                                    + " HTTP/1.1\r\nHost: f\r\n"
                                    + AUTH
                                    + "Content-Type: application/json\r\nContent-Length: "
                                    + (100 + r.nextInt(1000))
                                    + "\r\n\r\n{\"model\":");
            case "oversized" ->
                    ascii(
                            "POST "
                                    + path
                                    + " HTTP/1.1\r\nHost: f\r\n"
                                    + AUTH
                                    + "Connection: close\r\nContent-Length: 900000000\r\n\r\n"
                                    + "x".repeat(r.nextInt(65_536)));
            case "json" ->
                    request(
                            "POST",
                            path,
                            AUTH + "Content-Type: application/json\r\n",
                            randomJson(r));
            case "multipart" ->
                    request(
                            "POST",
                            "/v1/audio/transcriptions",
                            AUTH
                                    + "Content-Type: multipart/form-data; boundary="
                                    + (r.nextBoolean() ? "XyZ" : "")
                                    + "\r\n",
                            randomMultipart(r));
            case "wav" -> wavUpload(r);
            default -> {
                byte[] junk = new byte[1 + r.nextInt(300)];
                r.nextBytes(junk);
                junk[0] = 'G'; // not only whitespace: the decoder must see a request line
                // Ended like a head: without a line end the mock rightly waits for the deadline.
                yield concat(junk, ascii("\r\n\r\n"));
            }
        };
    }

    private static byte[] request(String method, String path, String headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return concat(
                ascii(
                        method
                                + " "
                                + path
                                + " HTTP/1.1\r\nHost: f\r\n"
                                + headers
                                + "Content-Length: "
                                + bytes.length
                                + "\r\n\r\n"),
                bytes);
    }

    private static String hostileHeader(SplittableRandom r) {
        return switch (r.nextInt(9)) {
            case 0 -> "Content-Length: -1\r\n";
            case 1 -> "Content-Length: 99999999999999999999\r\n";
            case 2 -> "Expect: teapot\r\n";
            case 3 -> "x-mock-fault: stall:" + r.nextInt(1, 1_000_000) + "000s\r\n" + AUTH;
            case 4 -> "x-mock-ttft-ms: " + (r.nextBoolean() ? "NaN" : "1e400") + "\r\n" + AUTH;
            case 5 -> "x-big: " + "y".repeat(20_000 + r.nextInt(20_000)) + "\r\n";
            case 6 -> "Bad Header\r\n";
            case 7 -> "Transfer-Encoding: gzip, chunked, identity\r\n";
            default -> randomToken(r, 5) + ":\u00ff\u0001" + randomText(r, "abc\t ", 10) + "\r\n";
        };
    }

    private static byte[] chunked(SplittableRandom r, String path) {
        String chunks =
                switch (r.nextInt(4)) {
                    case 0 -> "zz\r\nabc\r\n0\r\n\r\n";
                    case 1 -> "ffffffffffffffff\r\nabc\r\n";
                    case 2 -> "3\r\nabcdef\r\n0\r\n\r\n";
                    default -> "5;" + "e".repeat(10_000) + "\r\nhello\r\n0\r\n\r\n";
                };
        return ascii(
                "POST "
                        + path
                        + " HTTP/1.1\r\nHost: f\r\n"
                        + AUTH
                        + "Transfer-Encoding: chunked\r\n\r\n"
                        + chunks);
    }

    private static String randomJson(SplittableRandom r) {
        String[] pieces = {
            "{",
            "}",
            "[",
            "]",
            "\"model\"",
            ":",
            ",",
            "\"MiniMax-M3\"",
            "\"messages\"",
            "1e999",
            "-",
            "null",
            "\"\\u12\"",
            "\"n\":",
            "true",
            "\"stream\":true",
            "\"max_tokens\":-5"
        };
        StringBuilder out = new StringBuilder();
        int count = r.nextInt(1, 30);
        for (int i = 0; i < count; i++) {
            out.append(pieces[r.nextInt(pieces.length)]);
        }
        return out.toString();
    }

    private static String randomMultipart(SplittableRandom r) {
        String[] pieces = {
            "--XyZ",
            "--XyZ--",
            "\r\n",
            "\r\n\r\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\"a\"",
            "Content-Disposition: form-data",
            "name=\"model\"",
            "whisper-1",
            "RIFF"
        };
        StringBuilder out = new StringBuilder();
        int count = r.nextInt(1, 20);
        for (int i = 0; i < count; i++) {
            out.append(pieces[r.nextInt(pieces.length)]);
        }
        return out.toString();
    }

    private static byte[] wavUpload(SplittableRandom r) {
        ByteBuffer wav = ByteBuffer.allocate(12 + 3 * 32).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(r.nextInt()).put(ascii("WAVE"));
        String[] tags = {"fmt ", "data", "JUNK", "LIST"};
        for (int i = 0; i < 3; i++) {
            wav.put(ascii(tags[r.nextInt(tags.length)]));
            int[] sizes = {0, 16, 0x7FFF_FFFF, 0xFFFF_FFF0, r.nextInt()};
            wav.putInt(sizes[r.nextInt(sizes.length)]);
            byte[] payload = new byte[24];
            r.nextBytes(payload);
            wav.put(payload);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ascii(
                        "--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n\r\n"));
        body.writeBytes(wav.array());
        body.writeBytes(ascii("\r\n--XyZ--\r\n"));
        byte[] bytes = body.toByteArray();
        return concat(
                ascii(
                        "POST /v1/audio/transcriptions HTTP/1.1\r\nHost: f\r\n"
                                + AUTH
                                + "Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: "
                                + bytes.length
                                + "\r\n\r\n"),
                bytes);
    }

    private static String randomToken(SplittableRandom r, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) r.nextInt('!', '~' + 1));
        }
        return out.toString();
    }

    private static String randomText(SplittableRandom r, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
