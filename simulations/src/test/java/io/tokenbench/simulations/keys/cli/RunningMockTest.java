package io.tokenbench.simulations.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --url} with {@code --admin-token-env}: a mock that is already running (here one started by
 * the test) is verified through its admin API, the token read from the environment and never
 * written out.
 */
class RunningMockTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path runs;

    @Test
    void aRunningMockIsVerifiedThroughItsAdminApi() throws Exception {
        try (InProcessMock mock = InProcessMock.start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit =
                    KeysVerifyMain.run(
                            new String[] {
                                "--url",
                                mock.baseUrl().toString(),
                                "--admin-token-env",
                                "ADMIN",
                                "--concurrency",
                                "1,4",
                                "--limit-requests",
                                "3",
                                "--settle-timeout",
                                "2s",
                                "--runs",
                                runs.toString()
                            },
                            Map.of("ADMIN", mock.adminToken()),
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text).isZero();
            Path dir;
            try (Stream<Path> s = Files.list(runs)) {
                dir = s.findFirst().orElseThrow();
            }
            String json = Files.readString(dir.resolve("enforcement.json"));
            assertThat(json).doesNotContain(mock.adminToken());
            assertThat(text).doesNotContain(mock.adminToken());
            JsonNode root = JSON.readTree(json);
            assertThat(root.path("target").path("kind").asText()).isEqualTo("mock");
            assertThat(root.path("counts").path("fail").asInt()).isZero();
            assertThat(root.path("counts").path("not_checked").asInt()).isZero();
            assertThat(root.path("checks").get(0).path("evidence").path("cells")).hasSize(8);
            assertThat(Files.readString(dir.resolve("enforcement.md")))
                    .contains("| overshoot | **quantified** |");
        }
    }
}
