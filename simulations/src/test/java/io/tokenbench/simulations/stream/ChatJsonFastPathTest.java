package io.tokenbench.simulations.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The streaming fast path gives exactly what the tree parse gives, on generated chat-like JSON:
 * fields in any order, repeated, null or of the wrong JSON type, extra and nested members, escapes
 * and non-ASCII text, big and fractional numbers, error/type/data members, cut short, with trailing
 * bytes or invalid UTF-8; and it does answer (no tree) the shapes the mock and real gateways send.
 */
class ChatJsonFastPathTest {
    private static final JsonFactory FACTORY = new JsonFactory();

    @Property(tries = 1000)
    void bodiesParseAsTheTreeParsesThem(@ForAll("bodies") byte[] body) {
        assertThat(ChunkParser.parseBody(body, 0, body.length))
                .isEqualTo(ChunkParser.parseBodyTree(body, 0, body.length));
    }

    @Property(tries = 1000)
    void eventsParseAsTheTreeParsesThem(@ForAll("events") byte[] event) {
        String payload = new String(event, StandardCharsets.UTF_8);
        assertThat(ChunkParser.parseEvent(payload)).isEqualTo(ChunkParser.parseEventTree(payload));
    }

    @Property(tries = 1000)
    void eventBytesParseAsTheTreeParsesTheirText(@ForAll("events") byte[] event) {
        assertThat(ChunkParser.parseEvent(event, 0, event.length))
                .isEqualTo(ChunkParser.parseEventTree(new String(event, StandardCharsets.UTF_8)));
    }

    @Property(tries = 200)
    void bodiesInsideALargerArrayParseAsTheTreeParsesThem(@ForAll("bodies") byte[] body) {
        byte[] padded = new byte[body.length + 5];
        System.arraycopy(body, 0, padded, 3, body.length);
        padded[0] = '[';
        padded[padded.length - 1] = (byte) 0xff;
        assertThat(ChunkParser.parseBody(padded, 3, body.length))
                .isEqualTo(ChunkParser.parseBodyTree(body, 0, body.length));
    }

    @Example
    void theMocksChunkAndBodyAreReadWithoutATree() {
        String chunk =
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1796541340,"
                        + "\"model\":\"MiniMax-M3\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"cold\"},"
                        + "\"logprobs\":null,\"finish_reason\":null}]}";
        String last =
                "{\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":64,\"total_tokens\":76,"
                        + "\"prompt_tokens_details\":{\"cached_tokens\":0}}}";
        byte[] body =
                ("{\"id\":\"c\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                                + "{\"role\":\"assistant\",\"content\":\"a b\",\"tool_calls\":[{\"id\":\"t\"},{\"id\":\"u\"}]},"
                                + "\"finish_reason\":\"length\"}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2}}")
                        .getBytes(StandardCharsets.UTF_8);

        assertThat(ChatJsonFastPath.event(FACTORY, chunk))
                .isEqualTo(new Chunk.Delta("cold", "", 0, null, -1, -1));
        byte[] chunkBytes = chunk.getBytes(StandardCharsets.UTF_8);
        assertThat(ChatJsonFastPath.event(FACTORY, chunkBytes, 0, chunkBytes.length))
                .isEqualTo(new Chunk.Delta("cold", "", 0, null, -1, -1));
        assertThat(ChatJsonFastPath.event(FACTORY, last))
                .isEqualTo(new Chunk.Delta("", "", 0, "stop", 12, 64));
        assertThat(ChatJsonFastPath.body(FACTORY, body, 0, body.length))
                .isEqualTo(new Chunk.Delta("a b", "", 2, "length", 3, 2));
    }

    @Example
    void errorsResponsesAndWrappedMessagesAreLeftToTheTree() {
        assertThat(ChatJsonFastPath.event(FACTORY, "{\"error\":{\"message\":\"x\"}}")).isNull();
        assertThat(ChatJsonFastPath.event(FACTORY, "{\"type\":\"response.created\"}")).isNull();
        assertThat(ChatJsonFastPath.event(FACTORY, "{\"data\":{\"choices\":[]}}")).isNull();
        byte[] responses =
                "{\"object\":\"response\",\"output\":[]}".getBytes(StandardCharsets.UTF_8);
        assertThat(ChatJsonFastPath.body(FACTORY, responses, 0, responses.length)).isNull();
        assertThat(ChatJsonFastPath.event(FACTORY, "{\"choices\":[{\"delta\":{\"content\":1}}]}"))
                .isNull();
    }

    // ---- generators: chat-like JSON text, then byte-level damage

    @Provide
    Arbitrary<byte[]> bodies() {
        return damaged(top("message"));
    }

    @Provide
    Arbitrary<byte[]> events() {
        return damaged(top("delta"));
    }

    private static Arbitrary<byte[]> damaged(Arbitrary<String> json) {
        return Combinators.combine(
                        json,
                        Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 10_000))
                .as(
                        (text, damage, where) -> {
                            byte[] b = text.getBytes(StandardCharsets.UTF_8);
                            int at = b.length == 0 ? 0 : where % b.length;
                            return switch (damage) {
                                case 0 -> java.util.Arrays.copyOf(b, at); // cut short
                                case 1 -> concat(b, " x".getBytes(StandardCharsets.UTF_8));
                                case 2 -> {
                                    byte[] c = b.clone();
                                    if (c.length > 0) {
                                        c[at] = (byte) 0xff; // invalid UTF-8
                                    }
                                    yield c;
                                }
                                case 3 -> concat(" \n\t".getBytes(StandardCharsets.UTF_8), b);
                                default -> b;
                            };
                        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** A top-level object: chat members in any order, some repeated, some odd. */
    private static Arbitrary<String> top(String inner) {
        Arbitrary<String> member =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, choices(inner).map(v -> "\"choices\":" + v)),
                        net.jqwik.api.Tuple.of(3, usage().map(v -> "\"usage\":" + v)),
                        net.jqwik.api.Tuple.of(
                                2,
                                Arbitraries.of(
                                                "\"chat.completion\"",
                                                "\"chat.completion.chunk\"",
                                                "\"response\"",
                                                "7",
                                                "null")
                                        .map(v -> "\"object\":" + v)),
                        net.jqwik.api.Tuple.of(2, anyValue(2).map(v -> "\"id\":" + v)),
                        net.jqwik.api.Tuple.of(1, anyValue(2).map(v -> "\"error\":" + v)),
                        net.jqwik.api.Tuple.of(1, anyValue(1).map(v -> "\"type\":" + v)),
                        net.jqwik.api.Tuple.of(1, anyValue(1).map(v -> "\"data\":" + v)),
                        net.jqwik.api.Tuple.of(2, anyValue(3).map(v -> "\"x_extra\":" + v)));
        return member.list().ofMaxSize(6).map(ChatJsonFastPathTest::object);
    }

    private static Arbitrary<String> choices(String inner) {
        Arbitrary<String> choice =
                Arbitraries.frequencyOf(
                                net.jqwik.api.Tuple.of(
                                        6, message().map(v -> "\"" + inner + "\":" + v)),
                                net.jqwik.api.Tuple.of(
                                        1,
                                        Arbitraries.of("\"message\"", "\"delta\"")
                                                .flatMap(k -> message().map(v -> k + ":" + v))),
                                net.jqwik.api.Tuple.of(3, textish().map(v -> "\"text\":" + v)),
                                net.jqwik.api.Tuple.of(
                                        3,
                                        Arbitraries.of("null", "\"stop\"", "\"length\"", "3", "{}")
                                                .map(v -> "\"finish_reason\":" + v)),
                                net.jqwik.api.Tuple.of(2, anyValue(2).map(v -> "\"index\":" + v)),
                                net.jqwik.api.Tuple.of(
                                        1, anyValue(2).map(v -> "\"logprobs\":" + v)))
                        .list()
                        .ofMaxSize(5)
                        .map(ChatJsonFastPathTest::object);
        Arbitrary<String> element =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(9, choice), net.jqwik.api.Tuple.of(1, anyValue(1)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        9, element.list().ofMaxSize(3).map(ChatJsonFastPathTest::array)),
                net.jqwik.api.Tuple.of(1, anyValue(1)));
    }

    private static Arbitrary<String> message() {
        Arbitrary<String> member =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, textish().map(v -> "\"content\":" + v)),
                        net.jqwik.api.Tuple.of(2, textish().map(v -> "\"reasoning_content\":" + v)),
                        net.jqwik.api.Tuple.of(
                                2,
                                Arbitraries.frequencyOf(
                                                net.jqwik.api.Tuple.of(
                                                        5,
                                                        anyValue(2)
                                                                .list()
                                                                .ofMaxSize(3)
                                                                .map(ChatJsonFastPathTest::array)),
                                                net.jqwik.api.Tuple.of(2, anyValue(1)))
                                        .map(v -> "\"tool_calls\":" + v)),
                        net.jqwik.api.Tuple.of(1, anyValue(2).map(v -> "\"audio\":" + v)),
                        net.jqwik.api.Tuple.of(
                                2,
                                Arbitraries.of("\"assistant\"", "null").map(v -> "\"role\":" + v)),
                        net.jqwik.api.Tuple.of(1, anyValue(2).map(v -> "\"refusal\":" + v)));
        Arbitrary<String> obj = member.list().ofMaxSize(5).map(ChatJsonFastPathTest::object);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, obj), net.jqwik.api.Tuple.of(1, anyValue(1)));
    }

    private static Arbitrary<String> usage() {
        Arbitrary<String> count =
                Arbitraries.of(
                        "0",
                        "12",
                        "-3",
                        "9223372036854775807",
                        "9223372036854775808",
                        "1.5",
                        "2e3",
                        "\"12\"",
                        "null",
                        "true",
                        "[]");
        Arbitrary<String> member =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, count.map(v -> "\"prompt_tokens\":" + v)),
                        net.jqwik.api.Tuple.of(4, count.map(v -> "\"completion_tokens\":" + v)),
                        net.jqwik.api.Tuple.of(2, anyValue(2).map(v -> "\"total_tokens\":" + v)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(
                        7, member.list().ofMaxSize(4).map(ChatJsonFastPathTest::object)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("null")),
                net.jqwik.api.Tuple.of(1, anyValue(1)));
    }

    /** Mostly strings (escapes, non-ASCII), sometimes null or another type. */
    private static Arbitrary<String> textish() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, text()),
                net.jqwik.api.Tuple.of(2, Arbitraries.just("null")),
                net.jqwik.api.Tuple.of(1, anyValue(1)));
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withChars("ab \n\"\\/é€😀\u0001")
                .ofMaxLength(8)
                .map(
                        s ->
                                "\""
                                        + new String(
                                                JsonStringEncoder.getInstance().quoteAsString(s))
                                        + "\"")
                .injectDuplicates(0.2);
    }

    /** Any JSON value up to {@code depth} containers deep. */
    private static Arbitrary<String> anyValue(int depth) {
        Arbitrary<String> scalar =
                Arbitraries.oneOf(
                        text(),
                        Arbitraries.of(
                                "0",
                                "-1",
                                "1.25",
                                "1e400",
                                "123456789012345678901234",
                                "true",
                                "false",
                                "null"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> inner = anyValue(depth - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, scalar),
                net.jqwik.api.Tuple.of(
                        1, inner.list().ofMaxSize(3).map(ChatJsonFastPathTest::array)),
                net.jqwik.api.Tuple.of(
                        1,
                        Combinators.combine(
                                        Arbitraries.of("content", "k", "usage", "choices"), inner)
                                .as((k, v) -> "\"" + k + "\":" + v)
                                .list()
                                .ofMaxSize(3)
                                .map(ChatJsonFastPathTest::object)));
    }

    private static String object(List<String> members) {
        return "{" + String.join(",", new ArrayList<>(members)) + "}";
    }

    private static String array(List<String> values) {
        return "[" + String.join(",", values) + "]";
    }
}
