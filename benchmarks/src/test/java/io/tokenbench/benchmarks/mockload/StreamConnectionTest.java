package io.tokenbench.benchmarks.mockload;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.tokenbench.mock.server.Transport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * One soak connection: each stream asks for its own drawn length, and a stream is short when it
 * ends with fewer events than that stream (not the mean) should have had.
 */
class StreamConnectionTest {

    private static SoakOptions options(StreamLengths lengths) {
        return new SoakOptions(
                URI.create("http://127.0.0.1:9"),
                "adm",
                1,
                10,
                40,
                lengths,
                1000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Transport.NIO);
    }

    /** The tokens the request on the channel's outbound side asks for (and releases it). */
    private static int askedTokens(EmbeddedChannel channel) {
        FullHttpRequest request = channel.readOutbound();
        try {
            return Integer.parseInt(request.headers().get("x-mock-output-tokens"));
        } finally {
            request.release();
        }
    }

    /** Answers the pending request with a stream of {@code events} SSE events. */
    private static void answer(EmbeddedChannel channel, int events) {
        channel.writeInbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));
        String body = "data: {}\n\n".repeat(events);
        channel.writeInbound(
                new DefaultLastHttpContent(Unpooled.copiedBuffer(body, StandardCharsets.US_ASCII)));
    }

    @Test
    void eachStreamAsksForItsOwnDrawnLengthAndIsJudgedByIt() {
        StreamConnection.Counters counters = new StreamConnection.Counters();
        EmbeddedChannel channel =
                new EmbeddedChannel(
                        new StreamConnection(
                                "127.0.0.1", options(StreamLengths.UNIFORM), counters, 5));
        SplittableRandom same = new SplittableRandom(5);
        List<Integer> asked = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int tokens = askedTokens(channel);
            assertThat(tokens).isEqualTo(StreamLengths.UNIFORM.draw(40, same));
            asked.add(tokens);
            // role + one event per token + finish + [DONE]: a whole stream, never short
            answer(channel, tokens + 3);
        }
        assertThat(asked).allSatisfy(t -> assertThat(t).isBetween(1, 79));
        assertThat(asked.stream().distinct().count()).isGreaterThan(10);
        assertThat(counters.streamsCompleted().sum()).isEqualTo(30);
        assertThat(counters.shortStreams().sum()).isZero();
        assertThat(counters.events().sum()).isEqualTo(asked.stream().mapToLong(t -> t + 3L).sum());

        int tokens = askedTokens(channel);
        answer(channel, tokens + 2);
        assertThat(counters.shortStreams().sum()).isEqualTo(1);
        channel.finishAndReleaseAll();
    }

    @Test
    void fixedLengthsAskForTheMeanEveryTime() {
        StreamConnection.Counters counters = new StreamConnection.Counters();
        EmbeddedChannel channel =
                new EmbeddedChannel(
                        new StreamConnection(
                                "127.0.0.1", options(StreamLengths.FIXED), counters, 5));
        for (int i = 0; i < 5; i++) {
            assertThat(askedTokens(channel)).isEqualTo(40);
            answer(channel, 43);
        }
        assertThat(counters.shortStreams().sum()).isZero();
        channel.finishAndReleaseAll();
    }
}
