package io.tokenbench.simulations.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.cli.CommandLines;
import io.tokenbench.simulations.config.LoadModel;
import io.tokenbench.simulations.config.RunParameters;
import io.tokenbench.simulations.config.TraceRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace files read as the formats define them, and replayed on their own timestamps: the schedule
 * is the trace's offsets divided by the speed, split across injectors like any schedule, and the
 * run's length is the trace's.
 */
class TraceReplayTest {
    static final Path MOONCAKE = Path.of("src/test/resources/traces/mooncake-small.jsonl");
    static final Path AZURE = Path.of("src/test/resources/traces/azure-small.csv");

    /** The committed trace's timestamps (ms), read independently of the code under test. */
    static List<Long> timestampsMillis() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Long> out = new ArrayList<>();
        for (String line : Files.readAllLines(MOONCAKE)) {
            JsonNode n = json.readTree(line);
            out.add(n.path("timestamp").asLong());
        }
        return out;
    }

    @Test
    void theScheduleIsTheTracesTimestampsDividedByTheSpeed() throws Exception {
        List<Long> ts = timestampsMillis();
        RunParameters p =
                CommandLines.parse("--load", "trace(" + MOONCAKE + ")", "--trace-speed", "2");
        LoadModel.Trace trace = (LoadModel.Trace) p.load();
        assertThat(p.warmup()).isEqualTo(Duration.ZERO);
        assertThat(p.injectionLength()).isEqualTo(trace.length());
        assertThat(trace.length())
                .isEqualTo(
                        Duration.ofMillis(ts.get(ts.size() - 1) / 2 + LoadModel.Trace.TAIL_MILLIS));
        ArrivalSchedule s = ArrivalSchedule.of(p.load(), p.injectionLength(), p.seed());
        assertThat(s.size()).isEqualTo(ts.size());
        for (int i = 0; i < ts.size(); i++) {
            assertThat(s.offsetNanos(i)).isEqualTo(ts.get(i) * 1_000_000L / 2);
        }
        ArrivalSchedule odd = s.share(1, 2);
        assertThat(odd.size()).isEqualTo(ts.size() / 2);
        assertThat(odd.offsetNanos(3)).isEqualTo(ts.get(7) * 1_000_000L / 2);
    }

    @Test
    void aGivenDurationCutsTheTraceAndAWarmupIsItsFirstPart() {
        RunParameters p =
                CommandLines.parse("--load", "trace(" + MOONCAKE + ")", "--duration", "500ms");
        ArrivalSchedule s = ArrivalSchedule.of(p.load(), p.injectionLength(), p.seed());
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.offsetNanos(i)).isLessThan(500_000_000L);
        }
        RunParameters w =
                CommandLines.parse("--load", "trace(" + MOONCAKE + ")", "--warmup", "200ms");
        assertThat(w.injectionLength()).isEqualTo(((LoadModel.Trace) w.load()).length());
        assertThat(w.warmup()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void azureCsvTimestampsBecomeOffsetsFromTheFirstArrival(@TempDir Path dir) throws Exception {
        TraceRequests a = TraceRequests.read(AZURE);
        assertThat(a.size()).isEqualTo(4);
        assertThat(a.row(0).offsetMicros()).isZero();
        assertThat(a.row(1).offsetMicros()).isEqualTo(100_000);
        assertThat(a.row(2).inputTokens()).isEqualTo(879);
        assertThat(a.row(3).offsetMicros()).isEqualTo(520_040);
        assertThat(a.row(3).outputTokens()).isEqualTo(7);
        Path y2024 =
                Files.writeString(
                        dir.resolve("t.csv"),
                        "TIMESTAMP,ContextTokens,GeneratedTokens\n"
                                + "2024-05-10 00:00:01+00:00,5,6\n"
                                + "2024-05-10 00:00:00.009930+00:00,10,3\n");
        TraceRequests b = TraceRequests.read(y2024);
        assertThat(b.row(0).inputTokens()).isEqualTo(10); // sorted by time
        assertThat(b.row(1).offsetMicros()).isEqualTo(990_070);
    }

    @Test
    void badTracesAreNamedByFileAndLine(@TempDir Path dir) throws Exception {
        Path noLength = Files.writeString(dir.resolve("a.jsonl"), "{\"timestamp\":0}\n");
        assertThatThrownBy(() -> CommandLines.parse("--load", "trace(" + noLength + ")"))
                .hasMessageContaining("--load")
                .hasMessageContaining("line 1")
                .hasMessageContaining("input_length");
        Path badIds =
                Files.writeString(
                        dir.resolve("b.jsonl"),
                        "{\"timestamp\":0,\"input_length\":1000,\"output_length\":3,"
                                + "\"hash_ids\":[1]}\n");
        assertThatThrownBy(() -> CommandLines.parse("--load", "trace(" + badIds + ")"))
                .hasMessageContaining("hash_ids");
        assertThatThrownBy(() -> CommandLines.parse("--load", "trace(" + dir.resolve("no") + ")"))
                .hasMessageContaining("--load");
        assertThatThrownBy(() -> CommandLines.parse("--rate", "5", "--trace-speed", "2"))
                .hasMessageContaining("--trace-speed");
        assertThatThrownBy(
                        () ->
                                CommandLines.parse(
                                        "--load", "trace(" + MOONCAKE + ")", "--trace-speed", "0"))
                .hasMessageContaining("--trace-speed");
    }

    @Test
    void runJsonNamesTheTrace() {
        RunParameters p =
                CommandLines.parse(Map.of(), Map.of(), "--load", "trace(" + MOONCAKE + ")");
        assertThat(p.load().describe()).isEqualTo("trace(" + MOONCAKE + ")");
    }
}
