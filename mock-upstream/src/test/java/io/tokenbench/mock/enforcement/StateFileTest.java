package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.billing.UsageLog;
import io.tokenbench.mock.clock.EmulatorClock;
import io.tokenbench.mock.clock.ResetType;
import io.tokenbench.mock.gate.Admission.Admitted;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.keys.Expiration;
import io.tokenbench.mock.keys.KeyStore;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.PlatformState;
import io.tokenbench.mock.platform.StateFile;
import io.tokenbench.mock.platform.Sweeper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFileTest {

    @TempDir Path dir;

    /** A new process: fresh objects on a frozen base clock far from the saved emulated time. */
    private static PlatformState freshPlatform() {
        return new PlatformState(
                new KeyStore(),
                EmulatorClock.frozenAt(GateFixture.T0),
                EnforcementProfile.DEFAULTS,
                new UsageLog());
    }

    @Test
    void keysLedgersLogsStatsAndClockSurviveARestart() throws Exception {
        GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS);
        f.clock.set(Instant.parse("2026-12-31T23:00:00Z"));
        CreatedKey k = f.key(10_000L, ResetType.MONTHLY, Expiration.THIRTY_DAYS);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 50));
        f.key(null, ResetType.NONE, Expiration.NONE).key().update(s -> s.withEnabled(false));
        StateFile file = new StateFile(dir.resolve("state.json"));
        file.save(f.platform);
        assertThat(Files.readString(dir.resolve("state.json")))
                .doesNotContain(k.secret())
                .doesNotContain(k.secret().substring(3));

        PlatformState restored = freshPlatform();
        assertThat(file.load(restored)).isTrue();
        assertThat(restored.clock().instant()).isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
        ApiKey key = restored.keys().findBySecret(k.secret()).orElseThrow();
        assertThat(key.state()).isEqualTo(k.key().state());
        assertThat(key.expiresAt()).isEqualTo(k.key().expiresAt());
        assertThat(key.maskedKey()).isEqualTo(k.key().maskedKey());
        assertThat(restored.keys().list()).hasSize(2);
        assertThat(restored.keys().list().get(1).state().enabled()).isFalse();
        assertThat(restored.log().query(null, null)).isEqualTo(f.platform.log().query(null, null));
        assertThat(restored.stats().perKey()).isEqualTo(f.platform.stats().perKey());
        assertThat(restored.stats().perModel()).isEqualTo(f.platform.stats().perModel());
        // Ids continue after the restored ones, and the restored key still enforces and resets.
        PowerTokensGate gate = new PowerTokensGate(GateFixture.PRICES, restored);
        assertThat(
                        restored.keys()
                                .create(
                                        new io.tokenbench.mock.keys.KeySpec(
                                                "n", null, ResetType.NONE, Expiration.NONE),
                                        restored.clock().instant(),
                                        restored.profile().calendar())
                                .key()
                                .id())
                .isEqualTo(3);
        restored.clock().advance(java.time.Duration.ofHours(1));
        assertThat(gate.admit(GateFixture.request("after", k.secret(), 1, 1, false)))
                .isInstanceOf(Admitted.class);
        assertThat(key.state().periodStart()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Test
    void missingFileIsAFreshStart() throws Exception {
        assertThat(new StateFile(dir.resolve("none.json")).load(freshPlatform())).isFalse();
    }

    @Test
    void corruptFileIsAnErrorNamingTheFileAndIsNotTouched() throws Exception {
        Path path = dir.resolve("state.json");
        Files.writeString(path, "{\"version\":1,\"keys\":[");
        assertThatThrownBy(() -> new StateFile(path).load(freshPlatform()))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining(path.toString());
        assertThat(Files.readString(path)).isEqualTo("{\"version\":1,\"keys\":[");
    }

    @Test
    void aCrashMidWriteLeavesTheOldCompleteFile() throws Exception {
        GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS);
        CreatedKey k = f.limitedKey(10_000);
        Path path = dir.resolve("state.json");
        StateFile file = new StateFile(path);
        file.save(f.platform);
        byte[] good = Files.readAllBytes(path);
        // What a crash during the next save leaves behind: a half-written temp file beside the
        // target.
        Path partial = dir.resolve("state.json.123456.tmp");
        Files.write(partial, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(Files.readAllBytes(path)).isEqualTo(good);
        PlatformState restored = freshPlatform();
        assertThat(file.load(restored)).isTrue();
        assertThat(restored.keys().findBySecret(k.secret())).isPresent();
        assertThat(partial).doesNotExist();
    }

    @Test
    void readersNeverSeeAPartialFileWhileSavesRepeat() throws Exception {
        GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS);
        CreatedKey k = f.limitedKey(100_000_000);
        Path path = dir.resolve("state.json");
        StateFile file = new StateFile(path);
        file.save(f.platform);
        AtomicBoolean saving = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread reader =
                new Thread(
                        () -> {
                            ObjectMapper mapper = new ObjectMapper();
                            while (saving.get()) {
                                try {
                                    String text =
                                            new String(
                                                    Files.readAllBytes(path),
                                                    StandardCharsets.UTF_8);
                                    mapper.readTree(text).get("keys").get(0).get("id").asLong();
                                    reads.incrementAndGet();
                                } catch (Throwable e) {
                                    failure.compareAndSet(null, e);
                                }
                            }
                        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            f.complete(k.secret(), 100, null, Usage.tokens(100, i));
            file.save(f.platform);
        }
        saving.set(false);
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(reads.get()).isPositive();
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactly(path);
        }
    }

    @Test
    void saveIfChangedSkipsIdenticalStateAndWritesAfterAnyChange() throws Exception {
        GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS);
        CreatedKey k = f.limitedKey(10_000);
        StateFile file = new StateFile(dir.resolve("state.json"));
        assertThat(file.saveIfChanged(f.platform)).isTrue();
        assertThat(file.saveIfChanged(f.platform)).isFalse();
        f.complete(k.secret(), 100, null, Usage.tokens(100, 1));
        assertThat(file.saveIfChanged(f.platform)).isTrue();
        k.key().update(s -> s.withEnabled(false));
        assertThat(file.saveIfChanged(f.platform)).isTrue();
        f.clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(file.saveIfChanged(f.platform)).isTrue();
        assertThat(file.saveIfChanged(f.platform)).isFalse();
    }

    @Test
    void sweeperAppliesResetsAndSavesOnStop() throws Exception {
        GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS);
        CreatedKey k = f.key(1_000L, ResetType.DAILY, Expiration.NONE);
        f.complete(k.secret(), 100, null, Usage.tokens(100, 450));
        Path path = dir.resolve("state.json");
        Sweeper sweeper = new Sweeper(f.platform, new StateFile(path));
        f.clock.set(Instant.parse("2026-03-11T00:00:00Z"));
        sweeper.sweepOnce();
        assertThat(k.key().state().usedInPeriodMicroCredits()).isZero();
        assertThat(path).exists();
        sweeper.start(java.time.Duration.ofMillis(10));
        f.complete(k.secret(), 100, null, Usage.tokens(100, 0));
        sweeper.stop();
        PlatformState restored = freshPlatform();
        new StateFile(path).load(restored);
        assertThat(
                        restored.keys()
                                .findBySecret(k.secret())
                                .orElseThrow()
                                .state()
                                .usedInPeriodMicroCredits())
                .isEqualTo(100);
    }
}
