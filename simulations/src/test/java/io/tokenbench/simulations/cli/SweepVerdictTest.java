package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.server.MockUpstream;
import io.tokenbench.simulations.config.ApiKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tokenbench sweep} against a fast in-process mock: one warm-up before the first level
 * (its folder not kept), each level's line links its run folder, a sweep where every level passed
 * reports its top rate as a lower bound, and the command exits with its first level's verdict.
 */
class SweepVerdictTest {

    @Test
    void aSweepWhereEveryLevelPassesReportsALowerBoundAndExitsZero(@TempDir Path out)
            throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code;
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4)) {
            code =
                    TokenbenchRun.run(
                            new String[] {
                                "sweep",
                                "--base-url",
                                mock.baseUrl(),
                                "--load",
                                "steps(5/s,+5/s,x2,3s)",
                                "--grace",
                                "2s",
                                "--lag-budget",
                                "10s",
                                "--slo-ttft",
                                "30s",
                                "--slo-e2e",
                                "60s",
                                "--slo-tpot",
                                "10s",
                                "--out",
                                out.toString()
                            },
                            ps,
                            ps,
                            Map.of("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT));
        }
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text)
                .contains("warm-up: poisson(5/s)")
                // the achieved rate of the last level (Poisson arrivals), as a lower bound
                .containsPattern("max sustainable rate at SLO: ≥ [0-9.]+/s \\(every level passed")
                .contains("verdict of the first level")
                .contains("PASS");
        Path sweepDir;
        try (Stream<Path> s = Files.list(out)) {
            sweepDir =
                    s.filter(p -> p.getFileName().toString().endsWith("-sweep"))
                            .findFirst()
                            .orElseThrow();
        }
        List<String> names;
        try (Stream<Path> s = Files.list(sweepDir)) {
            names = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(names).noneMatch(n -> n.contains("warmup"));
        List<String> levels = names.stream().filter(n -> n.contains("level-")).toList();
        assertThat(levels).hasSize(2);
        for (String level : levels) {
            assertThat(text).contains("  " + level); // each level's line links its folder
            assertThat(sweepDir.resolve(level).resolve("summary.json")).exists();
        }
    }

    @Test
    void concurrencyStepsRunOneClosedLevelPerConcurrency(@TempDir Path out) throws IOException {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(console, true, StandardCharsets.UTF_8);
        int code;
        try (MockUpstream mock = MockedRuns.mock("5ms", "1ms", 4)) {
            code =
                    TokenbenchRun.run(
                            new String[] {
                                "sweep",
                                "--base-url",
                                mock.baseUrl(),
                                "--load",
                                "steps(concurrency 1,+1,x2,2s)",
                                "--grace",
                                "2s",
                                "--lag-budget",
                                "10s",
                                "--out",
                                out.toString()
                            },
                            ps,
                            ps,
                            Map.of("POWERTOKENS_API_KEY", ApiKey.MOCK_DEFAULT));
        }
        String text = console.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isZero();
        assertThat(text).contains("warm-up: concurrency(1)").contains("level-01-1users");
        Path sweepDir;
        try (Stream<Path> s = Files.list(out)) {
            sweepDir =
                    s.filter(p -> p.getFileName().toString().endsWith("-sweep"))
                            .findFirst()
                            .orElseThrow();
        }
        for (String users : List.of("1users", "2users")) {
            Path level;
            try (Stream<Path> s = Files.list(sweepDir)) {
                level =
                        s.filter(
                                        p ->
                                                p.getFileName()
                                                        .toString()
                                                        .endsWith(
                                                                "level-0"
                                                                        + (users.equals("1users")
                                                                                ? 1
                                                                                : 2)
                                                                        + "-"
                                                                        + users))
                                .findFirst()
                                .orElseThrow();
            }
            assertThat(Files.readString(level.resolve("run.json")))
                    .contains("\"type\" : \"closed\"")
                    .contains("\"concurrency\" : " + users.charAt(0));
        }
    }
}
