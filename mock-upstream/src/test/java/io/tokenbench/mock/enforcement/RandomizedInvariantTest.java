package io.tokenbench.mock.enforcement;

import static io.tokenbench.mock.enforcement.GateFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.billing.UsageRow;
import io.tokenbench.mock.clock.ResetType;
import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.Admission.Admitted;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.ApiKey;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.keys.Expiration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Thousands of concurrent requests with completions, cancels and upstream errors, while another
 * thread moves the clock across daily boundaries. Afterwards Σ log Credits = used_total and Σ log
 * Credits of the current period = used_in_period for every key: no lost update, no double count.
 */
class RandomizedInvariantTest {

    private static final int THREADS = 8;
    private static final int REQUESTS_PER_THREAD = 1_000;

    @ParameterizedTest
    @CsvSource({
        "check_then_act,settlement",
        "check_then_act,admission",
        "atomic,settlement",
        "atomic,admission"
    })
    void ledgerMatchesLogsAfterARandomWorkload(String mode, String attribution) throws Exception {
        GateFixture f =
                new GateFixture(
                        GateFixture.profile(
                                "--concurrency",
                                mode,
                                "--period-attribution",
                                attribution,
                                "--cancel-billing",
                                "tokens_emitted"));
        List<CreatedKey> keys =
                List.of(
                        f.key(50_000L, ResetType.DAILY, Expiration.NONE),
                        f.key(2_000_000L, ResetType.DAILY, Expiration.NONE),
                        f.key(null, ResetType.DAILY, Expiration.NONE),
                        f.key(30_000L, ResetType.NONE, Expiration.NONE));
        AtomicBoolean running = new AtomicBoolean(true);
        Thread clockMover =
                new Thread(
                        () -> {
                            while (running.get()) {
                                f.clock.advance(Duration.ofHours(5));
                                Thread.onSpinWait();
                                try {
                                    Thread.sleep(1);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        });
        clockMover.start();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 42L * (t + 1);
            int thread = t;
            done.add(pool.submit(() -> workload(f, keys, new SplittableRandom(seed), thread)));
        }
        int admitted = 0;
        for (Future<Integer> d : done) {
            admitted += d.get(120, TimeUnit.SECONDS);
        }
        running.set(false);
        clockMover.join();
        pool.shutdown();

        assertThat(admitted).isGreaterThan(0);
        assertThat(f.gate.inFlight()).isZero();
        assertThat(f.platform.log().query(null, null)).hasSize(THREADS * REQUESTS_PER_THREAD);
        for (CreatedKey k : keys) {
            ApiKey key = k.key();
            assertThat(f.logCredits(key))
                    .as("Σ log = used_total for key %s", key.id())
                    .isEqualTo(key.state().usedTotalMicroCredits());
            assertThat(f.periodLogCredits(key))
                    .as("Σ period log = used_in_period for key %s", key.id())
                    .isEqualTo(key.state().usedInPeriodMicroCredits());
        }
        long statsCredits =
                f.platform.stats().perKey().values().stream()
                        .mapToLong(s -> s.creditsMicro())
                        .sum();
        assertThat(statsCredits)
                .isEqualTo(
                        f.platform.log().query(null, null).stream()
                                .mapToLong(UsageRow::creditsMicro)
                                .sum());
    }

    /**
     * Each thread keeps up to 32 requests in flight and settles a random one of them after each
     * admission, so many requests are admitted in one period and settled in a later one.
     */
    private static int workload(
            GateFixture f, List<CreatedKey> keys, SplittableRandom random, int thread) {
        int admittedCount = 0;
        List<Settlement> pending = new ArrayList<>();
        for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
            CreatedKey key = keys.get(random.nextInt(keys.size()));
            int prompt = random.nextInt(1, 800);
            Integer maxTokens = random.nextBoolean() ? random.nextInt(1, 400) : null;
            String id = "t" + thread + "-" + i;
            Admission a =
                    f.gate.admit(
                            request(id, key.secret(), prompt, maxTokens, random.nextBoolean()));
            if (a instanceof Admitted admitted) {
                admittedCount++;
                pending.add(finalUsage(random, id, admitted, prompt, maxTokens));
            }
            while (pending.size() > 32 || (!pending.isEmpty() && random.nextInt(3) == 0)) {
                settle(f, random, pending.remove(random.nextInt(pending.size())));
            }
        }
        for (Settlement s : pending) {
            settle(f, random, s);
        }
        return admittedCount;
    }

    private static Settlement finalUsage(
            SplittableRandom random, String id, Admitted admitted, int prompt, Integer maxTokens) {
        int completion = random.nextInt(0, maxTokens == null ? 600 : maxTokens + 1);
        int roll = random.nextInt(100);
        Settlement.End end =
                roll < 70
                        ? Settlement.End.COMPLETED
                        : roll < 85
                                ? Settlement.End.CLIENT_CANCELLED
                                : roll < 95
                                        ? Settlement.End.UPSTREAM_ERROR_BEFORE_FIRST_BYTE
                                        : Settlement.End.UPSTREAM_ERROR_MID_RESPONSE;
        return new Settlement(
                id,
                admitted,
                "/v1/chat/completions",
                GateFixture.MODEL,
                true,
                200,
                Usage.tokens(prompt, completion),
                end);
    }

    private static void settle(GateFixture f, SplittableRandom random, Settlement s) {
        f.gate.settle(s);
        if (random.nextInt(20) == 0) {
            f.gate.settle(s); // a duplicate settle must change nothing
        }
    }
}
