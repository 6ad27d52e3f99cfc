package io.tokenbench.simulations.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.keys.http.MockAdmin;
import io.tokenbench.simulations.keys.http.Secret;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live-gateway mode against the in-process mock posing as a gateway: the keys are made beforehand
 * (as a user would in the PowerTokens UI) and handed over in environment variables; the verifier
 * uses no admin API, reads the ledger from the usage endpoint, and says what it could not check.
 */
class LiveModeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path runs;

    private static String reveal(Secret s) throws Exception {
        Field f = Secret.class.getDeclaredField("value");
        f.setAccessible(true);
        return (String) f.get(s);
    }

    @Test
    void usesTheUsersKeysAndListsWhatItCouldNotCheck() throws Exception {
        try (InProcessMock mock = InProcessMock.start()) {
            MockAdmin admin = new MockAdmin(mock.baseUrl(), Secret.of(mock.adminToken()));
            Map<String, String> env = new HashMap<>();
            env.put("PT_KEY_A", reveal(admin.createKey("user-a", 500L, "none", "none").secret()));
            env.put("PT_KEY_B", reveal(admin.createKey("user-b", 500L, "none", "none").secret()));
            env.put(
                    "PT_UNLIMITED",
                    reveal(admin.createKey("user-u", null, "none", "none").secret()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit =
                    KeysVerifyMain.run(
                            new String[] {
                                "--url",
                                mock.baseUrl() + "/v1",
                                "--key-env",
                                "PT_KEY_A",
                                "--key-env",
                                "PT_KEY_B",
                                "--unlimited-key-env",
                                "PT_UNLIMITED",
                                "--limit-credits",
                                "0.0005",
                                "--concurrency",
                                "1",
                                "--settle-timeout",
                                "2s",
                                "--runs",
                                runs.toString()
                            },
                            env,
                            new PrintStream(out, true, StandardCharsets.UTF_8),
                            new PrintStream(out, true, StandardCharsets.UTF_8));
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(exit).as(text).isZero();
            Path dir;
            try (Stream<Path> s = Files.list(runs)) {
                dir = s.findFirst().orElseThrow();
            }
            String json = Files.readString(dir.resolve("enforcement.json"));
            for (String key : env.values()) {
                assertThat(json).doesNotContain(key);
                assertThat(text).doesNotContain(key);
                assertThat(Files.readString(dir.resolve("run.json"))).doesNotContain(key);
            }
            JsonNode root = JSON.readTree(json);
            assertThat(root.path("target").path("kind").asText()).isEqualTo("live");
            assertThat(root.path("mock_profile").isNull()).isTrue();
            assertThat(root.path("settings").path("key_envs").toString())
                    .contains("PT_KEY_A", "PT_KEY_B");
            // No --model: the cheapest chat model whose short request is billed (tokenbench-tiny
            // rounds to 0).
            assertThat(root.path("settings").path("model").asText()).isEqualTo("gpt-4o-mini");
            Map<String, String> verdicts = new HashMap<>();
            root.path("checks")
                    .forEach(
                            c -> verdicts.put(c.path("name").asText(), c.path("verdict").asText()));
            assertThat(verdicts)
                    .containsEntry("reset", "not_checked")
                    .containsEntry("expiry", "not_checked")
                    .containsEntry("refund", "not_checked")
                    .containsEntry("accounting", "pass")
                    .containsEntry("cancel_billing", "pass")
                    .containsEntry("error_contract", "pass")
                    // Refused at the pre-consume check while the key still had room for the real
                    // (short) answer.
                    .containsEntry("false_rejections", "quantified");
            assertThat(
                            root.path("checks")
                                    .get(2)
                                    .path("evidence")
                                    .path("estimate_rejections")
                                    .asInt())
                    .isPositive();
            assertThat(root.path("not_checked").toString()).contains("reset", "expiry", "refund");
            // Two keys: the first two cells of concurrency 1 ran, on the usage endpoint's ledger.
            JsonNode cells = root.path("checks").get(0).path("evidence").path("cells");
            assertThat(cells).hasSize(2);
            for (JsonNode c : cells) {
                assertThat(c.path("charged_micro_credits").asLong()).isPositive();
                assertThat(c.path("rejected").asLong()).isEqualTo(1);
            }
        }
    }
}
