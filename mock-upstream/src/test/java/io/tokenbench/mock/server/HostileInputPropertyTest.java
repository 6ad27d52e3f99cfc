package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.audio.WavAudio;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.media.Multipart;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.testing.LeakCounter;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests against the whole pipeline (codec, deadline, aggregator, router,
 * parsers) on an {@code EmbeddedChannel}, and generated bodies against the multipart and WAV
 * readers: never a 5xx, never an exception escaping, every error an OpenAI-style body, no leaked
 * buffer (PARANOID leak detection; checked after the container like {@link NoLeaks}).
 */
class HostileInputPropertyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PATHS =
            List.of(
                    "/v1/chat/completions",
                    "/v1/embeddings",
                    "/v1/audio/transcriptions",
                    "/v1/audio/speech",
                    "/v1/images/generations",
                    "/v1/videos",
                    "/v1/models",
                    "/admin/stats",
                    "/admin/config");
    private static final List<String> HEADER_NAMES =
            List.of(
                    "Content-Type",
                    "Content-Length",
                    "Transfer-Encoding",
                    "Expect",
                    "Connection",
                    "Authorization",
                    "x-mock-ttft-ms",
                    "x-mock-itl-ms",
                    "x-mock-output-tokens",
                    "x-mock-latency-ms",
                    "x-mock-seed",
                    "x-foo");

    @BeforeContainer
    static void leakCounterInstalled() {
        assertThat(LeakCounter.installed()).isTrue();
    }

    @AfterContainer
    static void noLeaks() throws InterruptedException {
        new NoLeaks().afterAll(null);
    }

    private static EmbeddedMock mock() {
        return new EmbeddedMock(
                EmbeddedMock.config()
                        .withMaxBodyBytes(4096)
                        .withMaxHeaderBytes(2048)
                        .withRequestDeadline(Duration.ofSeconds(5))
                        .withBehavior(
                                Behavior.DEFAULT
                                        .withTtft(DistParser.durations("0ms"))
                                        .withItl(DistParser.durations("0ms"))));
    }

    @Property(tries = 400)
    void garbageRequestsGet4xxWithAnOpenAiBodyNever5xx(@ForAll("requests") byte[] request) {
        EmbeddedMock mock = mock();
        try {
            mock.send(request).advanceMillis(6_000).advanceMillis(3_600_000);
            String wire = mock.outputLatin1();
            if (wire.isEmpty()) {
                // Only a request the codec rejected after an answer, or one closed by the client.
                assertThat(mock.channel.isOpen()).as("a silent connection is closed").isFalse();
                return;
            }
            assertThat(wire).startsWith("HTTP/1.");
            int status = Integer.parseInt(wire.substring(9, 12));
            assertThat(status).as(wire).isLessThan(500);
            if (status >= 400) {
                assertOpenAiError(wire);
            }
        } finally {
            mock.close();
        }
    }

    @Property(tries = 400)
    void multipartGarbageIsA400OrParses(@ForAll("multipartBodies") byte[] body) {
        try {
            Multipart form = Multipart.parse("multipart/form-data; boundary=XyZ", body);
            assertThat(form.parts()).isNotNull();
        } catch (ApiErrorException e) {
            assertThat(e.error().status()).isEqualTo(400);
        }
    }

    @Property(tries = 1000)
    void wavGarbageHasNoDurationOrAFiniteOne(@ForAll("wavFiles") byte[] file) {
        WavAudio.durationSeconds(file)
                .ifPresent(seconds -> assertThat(seconds).isFinite().isNotNegative());
    }

    @Property(tries = 200)
    void transcriptionUploadsOfGarbageWavAre200Or400(@ForAll("wavFiles") byte[] file) {
        EmbeddedMock mock = mock();
        try {
            byte[] body = form(file);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(
                    ("POST /v1/audio/transcriptions HTTP/1.1\r\nHost: m\r\n"
                                    + "Authorization: Bearer sk-tokenbench-local\r\n"
                                    + "Content-Type: multipart/form-data; boundary=XyZ\r\n"
                                    + "Content-Length: "
                                    + body.length
                                    + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            mock.send(request.toByteArray()).advanceMillis(3_600_000).advanceMillis(3_600_000);
            String wire = mock.outputLatin1();
            int status = Integer.parseInt(wire.substring(9, 12));
            assertThat(status).as(wire).isIn(200, 400);
            if (status == 400) {
                assertOpenAiError(wire);
            }
        } finally {
            mock.close();
        }
    }

    private static void assertOpenAiError(String wire) {
        int bodyStart = wire.indexOf("\r\n\r\n") + 4;
        JsonNode error;
        try {
            error = JSON.readTree(wire.substring(bodyStart)).get("error");
        } catch (Exception e) {
            throw new AssertionError("not a JSON error body: " + wire, e);
        }
        assertThat(error).as(wire).isNotNull();
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("type").asText()).isNotBlank();
    }

    private static byte[] form(byte[] wav) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ("--XyZ\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\";"
                                + " filename=\"a.wav\"\r\nContent-Type: audio/wav\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(wav);
        out.writeBytes("\r\n--XyZ--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Provide
    Arbitrary<byte[]> requests() {
        Arbitrary<String> method =
                Arbitraries.oneOf(
                        Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "BREW"),
                        Arbitraries.strings()
                                .withCharRange('!', '~')
                                .ofMinLength(0)
                                .ofMaxLength(8));
        Arbitrary<String> path =
                Arbitraries.oneOf(
                        Arbitraries.of(PATHS),
                        Arbitraries.of(PATHS).map(p -> p + "%"),
                        Arbitraries.of(PATHS).map(p -> p + "?q=%Z1&%"),
                        Arbitraries.strings()
                                .withChars("/%?&=#abcZ09.~ \t")
                                .ofMinLength(0)
                                .ofMaxLength(40));
        Arbitrary<String> header =
                Combinators.combine(
                                Arbitraries.oneOf(
                                        Arbitraries.of(HEADER_NAMES),
                                        Arbitraries.strings()
                                                .withCharRange(' ', '~')
                                                .ofMaxLength(12)),
                                Arbitraries.oneOf(
                                        Arbitraries.of(
                                                "chunked",
                                                "-1",
                                                "99999999999999999999",
                                                "application/json",
                                                "multipart/form-data; boundary=",
                                                "100-continue",
                                                "close",
                                                "Bearer sk-tokenbench-local",
                                                "1e400",
                                                "NaN"),
                                        Arbitraries.strings()
                                                .withCharRange(' ', '~')
                                                .ofMaxLength(30)))
                        .as((name, value) -> name + ": " + value + "\r\n");
        Arbitrary<String> body =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "{\"model\":\"MiniMax-M3\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                                "{\"model\":",
                                "{}",
                                "[]",
                                "null",
                                "5\r\nhello\r\n0\r\n\r\n",
                                "zz\r\n",
                                "\u0000\u00ff"),
                        Arbitraries.strings().ofMaxLength(200));
        Arbitrary<String> version =
                Arbitraries.of("HTTP/1.1", "HTTP/1.0", "HTTP/9.9", "", "HTTP/1.1 x");
        return Combinators.combine(
                        method,
                        path,
                        version,
                        header.list().ofMaxSize(6),
                        body,
                        Arbitraries.of(true, false))
                .as(
                        (m, p, v, headers, b, withLength) -> {
                            StringBuilder out = new StringBuilder(m + " " + p + " " + v + "\r\n");
                            headers.forEach(out::append);
                            if (withLength) {
                                out.append("Content-Length: ")
                                        .append(b.getBytes(StandardCharsets.UTF_8).length)
                                        .append("\r\n");
                            }
                            return out.append("\r\n")
                                    .append(b)
                                    .toString()
                                    .getBytes(StandardCharsets.UTF_8);
                        });
    }

    @Provide
    Arbitrary<byte[]> multipartBodies() {
        Arbitrary<String> piece =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "--XyZ",
                                "--XyZ--",
                                "\r\n",
                                "\r\n\r\n",
                                "Content-Disposition: form-data; name=\"file\"; filename=\"a\"",
                                "Content-Disposition: form-data",
                                "name=\"",
                                "Content-Type: audio/wav"),
                        Arbitraries.strings().ofMaxLength(20));
        return piece.list()
                .ofMaxSize(20)
                .map(pieces -> String.join("", pieces).getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> wavFiles() {
        Arbitrary<Integer> size =
                Arbitraries.oneOf(
                        Arbitraries.of(0, 1, 15, 16, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFF0, -1),
                        Arbitraries.integers());
        Arbitrary<String> tag = Arbitraries.of("fmt ", "data", "JUNK", "LIST", "RIFF", "\0\0\0\0");
        Arbitrary<byte[]> chunk =
                Combinators.combine(
                                tag, size, Arbitraries.bytes().array(byte[].class).ofMaxSize(24))
                        .as(
                                (t, s, payload) -> {
                                    java.nio.ByteBuffer b =
                                            java.nio.ByteBuffer.allocate(8 + payload.length)
                                                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
                                    b.put(t.getBytes(StandardCharsets.ISO_8859_1)).putInt(s);
                                    b.put(payload);
                                    return b.array();
                                });
        return chunk.list()
                .ofMaxSize(5)
                .map(
                        chunks -> {
                            ByteArrayOutputStream out = new ByteArrayOutputStream();
                            out.writeBytes(
                                    "RIFF\u0000\u0000\u0000\u0000WAVE"
                                            .getBytes(StandardCharsets.ISO_8859_1));
                            chunks.forEach(out::writeBytes);
                            return out.toByteArray();
                        });
    }
}
