package io.tokenbench.mock.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.ReferenceCountUtil;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.behavior.LoadSlowdown;
import io.tokenbench.mock.behavior.RequestOverrides;
import io.tokenbench.mock.behavior.RequestPlan;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.openai.ChatRequest;
import io.tokenbench.mock.openai.ChatRequestParser;
import io.tokenbench.mock.openai.IdSource;
import io.tokenbench.mock.openai.JsonText;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real {@link ChatStream} whose step throws (here: its listener, called at the end of the body or
 * by a mid-stream fault in {@code injectFault}): the exception does not escape to the event loop,
 * the listener was told once, the connection is closed and no buffer leaks (PARANOID).
 */
@ExtendWith(NoLeaks.class)
class ChatStreamFailureTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();

    @AfterEach
    void release() {
        Object msg;
        while ((msg = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(msg);
        }
        channel.finishAndReleaseAll();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "none",
                "stream_error_event:1",
                "protocol_error:1",
                "stream_reset:1",
                "slow_drip:1ms"
            })
    void aThrowingEndClosesTheStreamOnceWithoutLeaks(String fault) {
        channel.freezeTime();
        ChannelInboundHandlerAdapter marker = new ChannelInboundHandlerAdapter();
        channel.pipeline().addLast(marker);
        ChannelHandlerContext ctx = channel.pipeline().context(marker);
        ChatRequest chat =
                new ChatRequestParser()
                        .parse(
                                new ByteArrayInputStream(
                                        ("{\"model\":\"m\",\"stream\":true,\"messages\":"
                                                        + "[{\"role\":\"user\",\"content\":\"hi\"}]}")
                                                .getBytes(StandardCharsets.UTF_8)));
        RequestOverrides overrides =
                RequestOverrides.parse(name -> name.equals(RequestOverrides.FAULT) ? fault : null);
        RequestPlan plan =
                RequestPlan.draw(
                        7,
                        Behavior.DEFAULT
                                .withTtft(DistParser.durations("1ms"))
                                .withItl(DistParser.durations("1ms"))
                                .withOutputTokens(DistParser.counts("4")),
                        FaultSettings.NONE,
                        overrides,
                        1,
                        OptionalInt.empty(),
                        Integer.MAX_VALUE);
        List<Settlement.End> ends = new ArrayList<>();
        ChatStream stream =
                new ChatStream(
                        ctx,
                        ctx,
                        new ChunkEncoder("chatcmpl-1", 1, JsonText.escaped("m"), false),
                        chat,
                        plan,
                        new IdSource(7),
                        new StreamTiming(LoadSlowdown.NONE, () -> 0, new SchedulingLag(), () -> {}),
                        (end, tokens) -> {
                            ends.add(end);
                            throw new IllegalStateException("listener bug");
                        });
        stream.start();
        for (int i = 0; i < 200; i++) {
            channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
            channel.runScheduledPendingTasks();
            channel.runPendingTasks();
        }
        assertThat(ends).as("told once").hasSize(1);
        assertThat(channel.isOpen()).isFalse();
        stream.cancel(); // what the connection handler does on close: no second report
        assertThat(ends).hasSize(1);
    }
}
