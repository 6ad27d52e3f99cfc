package io.tokenbench.mock.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
 * The streaming chat reader gives the tree parser's answer on every body: the same request (model,
 * prompt tokens, flags, limits, forced tool call, message count) or the same 400 (status, message,
 * param, code). Bodies are generated near the shape of a chat request, with wrong types, nulls,
 * duplicate keys, unknown fields, odd numbers and strings, and broken at the byte level.
 */
class ChatBodyReaderPropertyTest {

    private static final List<String> ROOT_FIELDS =
            List.of(
                    "model",
                    "messages",
                    "stream",
                    "stream_options",
                    "n",
                    "max_tokens",
                    "max_completion_tokens",
                    "tools",
                    "tool_choice",
                    "temperature",
                    "user");
    private static final List<String> MESSAGE_FIELDS =
            List.of("role", "content", "name", "tool_calls", "tool_call_id", "extra");

    private final ChatBodyReader reader = new ChatBodyReader();
    private final ChatRequestParser tree = new ChatRequestParser();

    @Property(tries = 3000)
    void sameAnswerAsTheTreeParser(@ForAll("bodies") String body) {
        assertThat(streamed(bytes(body))).isEqualTo(treeParsed(bytes(body)));
    }

    @Property(tries = 1500)
    void sameAnswerOnBrokenBytes(
            @ForAll("bodies") String body,
            @ForAll("breakages") int breakage,
            @ForAll("positions") double at) {
        byte[] broken = broken(bytes(body), breakage, at);
        assertThat(streamed(broken)).isEqualTo(treeParsed(broken));
    }

    @Example
    void aTypicalRequestReadsLikeTheTree() {
        String body =
                "{\"model\":\"tokenbench-tiny\",\"messages\":[{\"role\":\"system\",\"content\":\"Be"
                        + " brief.\"},{\"role\":\"user\",\"content\":\"Say hello in five"
                        + " words.\",\"name\":\"é😀\"}],\"max_tokens\":7,\"stream\":true,"
                        + "\"stream_options\":{\"include_usage\":true}}";
        Object streamed = streamed(bytes(body));
        assertThat(streamed).isEqualTo(treeParsed(bytes(body)));
        ParsedChat chat = (ParsedChat) streamed;
        assertThat(chat.messageCount()).isEqualTo(2);
        // 3 + (4 + ceil(9/4)) + (4 + ceil((24 + 2)/4)) = 3 + 7 + 11
        assertThat(chat.generation().promptTokens()).isEqualTo(21);
        assertThat(chat.generation().includeUsage()).isTrue();
    }

    @Example
    void emptyAndTrailingBodiesAreUnparsable() {
        for (String body : List.of("", "  ", "{} {}", "{\"model\":\"m\"} x", "[1] 2", "null x")) {
            assertThat(streamed(bytes(body)))
                    .as(body)
                    .isEqualTo(ApiError.unparsableJson())
                    .isEqualTo(treeParsed(bytes(body)));
        }
    }

    private Object streamed(byte[] body) {
        try {
            return reader.parse(new ByteArrayInputStream(body));
        } catch (ApiErrorException e) {
            return e.error();
        }
    }

    private Object treeParsed(byte[] body) {
        try {
            var root = ChatRequestParser.readJson(new ByteArrayInputStream(body));
            ChatRequest chat = tree.parse(root);
            return new ParsedChat(chat, root.get("messages").size());
        } catch (ApiErrorException e) {
            return e.error();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] broken(byte[] body, int breakage, double at) {
        int i = (int) (at * body.length);
        byte[] out;
        switch (breakage) {
            case 0 -> out = java.util.Arrays.copyOf(body, i); // truncated
            case 1 -> { // a byte dropped
                if (body.length == 0) {
                    return body;
                }
                int j = Math.min(i, body.length - 1);
                out = new byte[body.length - 1];
                System.arraycopy(body, 0, out, 0, j);
                System.arraycopy(body, j + 1, out, j, body.length - j - 1);
            }
            default -> { // a byte replaced by an invalid UTF-8 byte, a quote or a brace
                out = body.clone();
                if (out.length > 0) {
                    byte[] choices = {(byte) 0xC3, (byte) 0xFF, '"', '}', ']', ',', '\\'};
                    out[Math.min(i, out.length - 1)] = choices[breakage % choices.length];
                }
            }
        }
        return out;
    }

    @Provide
    Arbitrary<Integer> breakages() {
        return Arbitraries.integers().between(0, 9);
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(20, requestObject()),
                        net.jqwik.api.Tuple.of(1, anyValue(2)))
                .map(s -> s);
    }

    private Arbitrary<String> requestObject() {
        Arbitrary<String> field =
                Arbitraries.of(ROOT_FIELDS)
                        .flatMap(name -> rootValue(name).map(v -> JsonText.quoted(name) + ":" + v));
        Arbitrary<List<String>> fields = field.list().ofMaxSize(9);
        Arbitrary<Boolean> base = Arbitraries.of(true, true, false);
        return Combinators.combine(fields, base, validMessages(), Arbitraries.of("1", "7", "null"))
                .as(
                        (list, withBase, messages, maxTokens) -> {
                            List<String> all = new ArrayList<>();
                            if (withBase) {
                                all.add("\"model\":\"tokenbench-tiny\"");
                                all.add("\"messages\":" + messages);
                                all.add("\"max_tokens\":" + maxTokens);
                            }
                            all.addAll(list);
                            return "{" + String.join(",", all) + "}";
                        });
    }

    private Arbitrary<String> rootValue(String name) {
        Arbitrary<String> specific =
                switch (name) {
                    case "model" -> Arbitraries.of("\"tokenbench-tiny\"", "\"\"", "\"m\\u00e9\"");
                    case "messages" -> validMessages();
                    case "stream" -> Arbitraries.of("true", "false");
                    case "stream_options" ->
                            Arbitraries.of(
                                    "{\"include_usage\":true}",
                                    "{\"include_usage\":false}",
                                    "{\"include_usage\":1}",
                                    "{}",
                                    "{\"include_usage\":null,\"x\":[1]}");
                    case "n", "max_tokens", "max_completion_tokens" -> integers();
                    case "tools" -> tools();
                    case "tool_choice" ->
                            Arbitraries.of(
                                    "\"auto\"",
                                    "\"none\"",
                                    "\"required\"",
                                    "\"sometimes\"",
                                    "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}",
                                    "{\"type\":\"function\",\"function\":{\"name\":\"nope\"}}",
                                    "{\"type\":\"function\",\"function\":{}}",
                                    "{\"function\":{\"name\":3}}");
                    default -> anyValue(2);
                };
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, specific), net.jqwik.api.Tuple.of(1, anyValue(2)))
                .map(s -> s);
    }

    private Arbitrary<String> validMessages() {
        return message().list().ofMinSize(0).ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]");
    }

    private Arbitrary<String> message() {
        Arbitrary<String> field =
                Arbitraries.of(MESSAGE_FIELDS)
                        .flatMap(
                                name ->
                                        messageValue(name)
                                                .map(v -> JsonText.quoted(name) + ":" + v));
        Arbitrary<String> object =
                Combinators.combine(
                                Arbitraries.of("user", "system", "assistant", "tool", "robot"),
                                text(),
                                field.list().ofMaxSize(4),
                                Arbitraries.of(true, true, false))
                        .as(
                                (role, content, extra, withBase) -> {
                                    List<String> all = new ArrayList<>();
                                    if (withBase) {
                                        all.add("\"role\":" + JsonText.quoted(role));
                                        all.add("\"content\":" + content);
                                    }
                                    all.addAll(extra);
                                    return "{" + String.join(",", all) + "}";
                                });
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(12, object), net.jqwik.api.Tuple.of(1, anyValue(1)))
                .map(s -> s);
    }

    private Arbitrary<String> messageValue(String name) {
        Arbitrary<String> specific =
                switch (name) {
                    case "role" ->
                            Arbitraries.of("\"user\"", "\"developer\"", "\"function\"", "\"x\"");
                    case "content", "name" ->
                            Arbitraries.oneOf(
                                    text(),
                                    Arbitraries.of(
                                            "[{\"type\":\"text\",\"text\":\"ab😀\"},{\"type\":\"image_url\"}]",
                                            "[{\"type\":\"text\",\"text\":5},\"x\",null]",
                                            "[]"));
                    case "tool_calls" ->
                            Arbitraries.of(
                                    "[{\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":1}\"}}]",
                                    "[{\"function\":{\"name\":7}},3,{\"function\":\"x\"}]",
                                    "{}");
                    default -> anyValue(1);
                };
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, specific), net.jqwik.api.Tuple.of(1, anyValue(1)))
                .map(s -> s);
    }

    private Arbitrary<String> tools() {
        return Arbitraries.of(
                "[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"parameters\":"
                        + "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}]",
                "[{\"type\":\"function\",\"function\":{\"name\":\"a\"}},"
                        + "{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}]",
                "[]",
                "[{\"function\":{}}]",
                "[3]",
                "{}");
    }

    private static Arbitrary<String> integers() {
        return Arbitraries.of(
                "0",
                "1",
                "-0",
                "-1",
                "2",
                "16",
                "128",
                "129",
                "2147483647",
                "2147483648",
                "-2147483649",
                "9223372036854775808",
                "99999999999999999999999",
                "1.0",
                "1e3",
                "-0.5",
                "\"3\"");
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings()
                .withCharRange('\u0000', '\u00ff')
                .withChars("😀€\u2028\"\\")
                .ofMaxLength(12)
                .map(JsonText::quoted);
    }

    /** Any JSON value, nested up to {@code depth}. */
    private static Arbitrary<String> anyValue(int depth) {
        Arbitrary<String> scalar =
                Arbitraries.oneOf(
                        text(),
                        integers(),
                        Arbitraries.of("true", "false", "null", "1.5e300", "-0.0", "3"));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array =
                anyValue(depth - 1).list().ofMaxSize(3).map(l -> "[" + String.join(",", l) + "]");
        Arbitrary<String> object =
                Combinators.combine(
                                Arbitraries.of("a", "b", "model", "messages", "a")
                                        .list()
                                        .ofMaxSize(3),
                                anyValue(depth - 1).list().ofSize(3))
                        .as(
                                (keys, values) -> {
                                    List<String> all = new ArrayList<>();
                                    for (int i = 0; i < keys.size(); i++) {
                                        all.add(JsonText.quoted(keys.get(i)) + ":" + values.get(i));
                                    }
                                    return "{" + String.join(",", all) + "}";
                                });
        return Arbitraries.oneOf(scalar, scalar, array, object);
    }
}
