package io.tokenbench.mock.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.behavior.MediaBehavior;
import io.tokenbench.mock.media.JsonBody;
import io.tokenbench.mock.media.MediaFixture;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.testing.NoLeaks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Video job phases from the media latency model ({@code --video-queue}, {@code --video-render}) and
 * {@code x-mock-job-ms}, on a hand-driven clock.
 */
@ExtendWith(NoLeaks.class)
class VideoTimingTest {

    private static final AtomicReference<Instant> NOW =
            new AtomicReference<>(Instant.ofEpochSecond(1_900_000_000L));
    private static MediaFixture fixture;

    @BeforeAll
    static void start() {
        InstantSource clock = NOW::get;
        MediaBehavior media =
                MediaBehavior.NO_LATENCY
                        .with(MediaBehavior.Field.VIDEO_QUEUE, DistParser.durations("1s"))
                        .with(MediaBehavior.Field.VIDEO_RENDER, DistParser.durations("2s"));
        fixture =
                new MediaFixture(
                        MockConfig.defaults().withClock(clock),
                        Behavior.ZERO_LATENCY.withMedia(media));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static void advance(Duration duration) {
        NOW.updateAndGet(now -> now.plus(duration));
    }

    private static String submit(String... headers) throws IOException {
        return JsonBody.JSON
                .readTree(
                        fixture.sendWithHeaders(
                                        "POST",
                                        "/v1/videos",
                                        "application/json",
                                        "{\"prompt\":\"a bird\",\"seconds\":\"4\"}"
                                                .getBytes(StandardCharsets.UTF_8),
                                        headers)
                                .body())
                .get("id")
                .asText();
    }

    private static JsonNode poll(String id) throws IOException {
        return JsonBody.JSON.readTree(fixture.send("GET", "/v1/videos/" + id, null, null).body());
    }

    @Test
    void aJobIsQueuedThenRendersForTheConfiguredTimePerVideoSecond() throws IOException {
        String id = submit();
        advance(Duration.ofMillis(999));
        assertThat(poll(id).get("status").asText()).isEqualTo("queued");
        advance(Duration.ofMillis(1));
        assertThat(poll(id).get("status").asText()).isEqualTo("in_progress");
        advance(Duration.ofSeconds(4));
        JsonNode half = poll(id);
        assertThat(half.get("status").asText()).isEqualTo("in_progress");
        assertThat(half.get("progress").asInt()).as("4 s of 4 x 2 s").isEqualTo(50);
        advance(Duration.ofSeconds(4));
        assertThat(poll(id).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void theJobHeaderSetsSubmitToCompleteQueuedForTheFirstQuarter() throws IOException {
        String id = submit("x-mock-job-ms", "4000");
        advance(Duration.ofMillis(999));
        assertThat(poll(id).get("status").asText()).isEqualTo("queued");
        advance(Duration.ofMillis(1));
        assertThat(poll(id).get("status").asText()).isEqualTo("in_progress");
        advance(Duration.ofMillis(2999));
        assertThat(poll(id).get("status").asText()).isEqualTo("in_progress");
        advance(Duration.ofMillis(1));
        JsonNode done = poll(id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("completed_at").asLong() - done.get("created_at").asLong())
                .isEqualTo(4);
    }
}
