package io.tokenbench.simulations.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The byte-level decoder hands over the same payloads as the line-by-line String decoder it
 * replaced ({@link SseDecoderReference}), however the stream is split into reads: data, comment,
 * other-field and blank lines, LF and CRLF, several data lines, "data" without a colon, non-ASCII
 * and invalid UTF-8 bytes (also at line ends), a body ending mid-event.
 */
class SseDecoderEquivalenceTest {

    @Property(tries = 1000)
    void samePayloadsAndPartialStateAsTheStringDecoder(
            @ForAll("streams") byte[] stream, @ForAll @IntRange(min = 1, max = 30) int read) {
        List<String> expected = new ArrayList<>();
        SseDecoderReference reference = new SseDecoderReference(expected::add);
        List<String> actual = new ArrayList<>();
        SseDecoder decoder = new SseDecoder(actual::add);
        for (int i = 0; i < stream.length; i += read) {
            int n = Math.min(read, stream.length - i);
            reference.feed(stream, i, n);
            decoder.feed(stream, i, n);
        }
        assertThat(actual).isEqualTo(expected);
        assertThat(decoder.hasPartialEvent()).isEqualTo(reference.hasPartialEvent());
        assertThat(decoder.bytesSeen()).isEqualTo(reference.bytesSeen());
    }

    @Property(tries = 500)
    void eventBytesParseAsTheirTextDoes(@ForAll("streams") byte[] stream) {
        List<String> viaText = new ArrayList<>();
        List<String> viaBytes = new ArrayList<>();
        new SseDecoder(p -> viaText.add(String.valueOf(ChunkParser.parseEvent(p))))
                .feed(stream, 0, stream.length);
        new SseDecoder(
                        new SseDecoder.EventSink() {
                            @Override
                            public void bytes(byte[] data, int offset, int length) {
                                viaBytes.add(
                                        String.valueOf(
                                                ChunkParser.parseEvent(data, offset, length)));
                            }

                            @Override
                            public void text(String data) {
                                viaBytes.add(String.valueOf(ChunkParser.parseEvent(data)));
                            }
                        })
                .feed(stream, 0, stream.length);
        assertThat(viaBytes).isEqualTo(viaText);
    }

    @Example
    void aOneLineEventComesAsBytesAndAMultiLineOneAsJoinedText() {
        List<String> seen = new ArrayList<>();
        SseDecoder d =
                new SseDecoder(
                        new SseDecoder.EventSink() {
                            @Override
                            public void bytes(byte[] data, int offset, int length) {
                                seen.add(
                                        "bytes "
                                                + new String(
                                                        data,
                                                        offset,
                                                        length,
                                                        StandardCharsets.UTF_8));
                            }

                            @Override
                            public void text(String data) {
                                seen.add("text " + data);
                            }
                        });
        byte[] b = "data: {\"a\":1}\n\ndata: x\ndata:y\n\n".getBytes(StandardCharsets.UTF_8);
        d.feed(b, 0, b.length);
        assertThat(seen).containsExactly("bytes {\"a\":1}", "text x\ny");
    }

    @Provide
    Arbitrary<byte[]> streams() {
        Arbitrary<String> value =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "{\"choices\":[{\"delta\":{\"content\":\"tok \"}}]}",
                                "{\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":4}}",
                                "[DONE]",
                                "{\"data\":[DONE]}",
                                "{\"data\":\"[DONE]\"}",
                                "{\"error\":{\"message\":\"boom\"}}",
                                " {\"choices\":[]} ",
                                "{}",
                                "not json",
                                ""),
                        Arbitraries.strings().withChars("ab:{}\" é😀\r").ofMaxLength(12));
        Arbitrary<String> line =
                Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, value.map(v -> "data: " + v)),
                        net.jqwik.api.Tuple.of(2, value.map(v -> "data:" + v)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just("data")),
                        net.jqwik.api.Tuple.of(1, value.map(v -> ": " + v)),
                        net.jqwik.api.Tuple.of(1, value.map(v -> "event: " + v)),
                        net.jqwik.api.Tuple.of(1, value.map(v -> "dat" + v)),
                        net.jqwik.api.Tuple.of(4, Arbitraries.just("")));
        Arbitrary<byte[]> text =
                Arbitraries.oneOf(
                                Arbitraries.just("\n"),
                                Arbitraries.just("\r\n"),
                                Arbitraries.just("\n"))
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(12)
                        .flatMap(
                                ends ->
                                        line.list()
                                                .ofSize(ends.size())
                                                .map(
                                                        lines -> {
                                                            StringBuilder sb = new StringBuilder();
                                                            for (int i = 0; i < lines.size(); i++) {
                                                                sb.append(lines.get(i))
                                                                        .append(ends.get(i));
                                                            }
                                                            return sb.toString()
                                                                    .getBytes(
                                                                            StandardCharsets.UTF_8);
                                                        }));
        // damage: invalid UTF-8 bytes at random places (also just before a line end), a cut end
        return net.jqwik.api.Combinators.combine(
                        text,
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 10_000))
                .as(
                        (b, damage, where) -> {
                            if (b.length == 0) {
                                return b;
                            }
                            int at = where % b.length;
                            byte[] c = b.clone();
                            return switch (damage) {
                                case 0 -> {
                                    c[at] = (byte) 0xe2; // a lead byte without its continuation
                                    yield c;
                                }
                                case 1 -> {
                                    c[at] = (byte) 0x82;
                                    yield c;
                                }
                                case 2 -> java.util.Arrays.copyOf(c, at);
                                default -> c;
                            };
                        });
    }
}
