package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.StateFile;
import io.tokenbench.mock.platform.Sweeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweeper's state file follows settled spend on its own (off any event loop): after each
 * settlement a reader of the file (as a restarted mock would be) finds the spend without anything
 * being stopped or flushed. The bound itself (interval + one save, KEYS.md) is stated, not timed
 * here: this test only waits, with a hang guard, for the file to catch up.
 */
class StateFileBoundTest {

    @TempDir Path dir;

    /**
     * The key's total spend as the file holds it, read as JSON: {@code StateFile.load} would delete
     * the sweeper's in-progress temp file (it cleans up after a crash), which no restarted mock
     * does while another one is saving.
     */
    private static long persistedSpend(Path path, long keyId) throws Exception {
        if (!Files.exists(path)) {
            return -1;
        }
        for (var key : new ObjectMapper().readTree(Files.readAllBytes(path)).get("keys")) {
            if (key.get("id").asLong() == keyId) {
                return key.get("used_total_micro_credits").asLong();
            }
        }
        return -1;
    }

    @Test
    void theFileCatchesUpWithEverySettlementWhileTheMockRuns() throws Exception {
        GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS);
        CreatedKey k = f.limitedKey(10_000_000);
        Path path = dir.resolve("state.json");
        StateFile file = new StateFile(path);
        Sweeper sweeper = new Sweeper(f.platform, file);
        sweeper.start(Duration.ofMillis(100));
        try {
            for (int round = 1; round <= 5; round++) {
                for (int i = 0; i < 20; i++) {
                    f.complete(k.secret(), 100, null, Usage.tokens(100, 450));
                }
                long live = k.key().state().usedTotalMicroCredits();
                assertThat(live).isEqualTo(round * 20 * 1_000L);
                long hangGuardNanos = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (persistedSpend(path, k.key().id()) != live
                        && System.nanoTime() < hangGuardNanos) {
                    Thread.sleep(10);
                }
                assertThat(persistedSpend(path, k.key().id()))
                        .as("round %d", round)
                        .isEqualTo(live);
            }
        } finally {
            sweeper.stop();
        }
        assertThat(Files.readString(path)).doesNotContain(k.secret());
    }
}
