package io.tokenbench.mock.enforcement;

import static io.tokenbench.mock.enforcement.GateFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.Admission.Admitted;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.platform.EnforcementProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * 64 real threads released together against one key. Each request: 100 prompt tokens, max_tokens
 * 100 (estimate 700 µC), final usage 100 + 100 tokens (actual 300 µC).
 */
class ConcurrencyModeTest {

    private static final int THREADS = 64;
    private static final long LIMIT = 10 * 700;
    private static final long COST = 100 + 2 * 100;

    /** Runs THREADS streaming requests together; returns how many were admitted. */
    private static int race(GateFixture f, CreatedKey key, CyclicBarrier start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                String id = "race-" + i;
                results.add(
                        pool.submit(
                                () -> {
                                    start.await(30, TimeUnit.SECONDS);
                                    Admission a =
                                            f.gate.admit(request(id, key.secret(), 100, 100, true));
                                    if (a instanceof Admitted admitted) {
                                        f.gate.settle(
                                                new Settlement(
                                                        id,
                                                        admitted,
                                                        "/v1/chat/completions",
                                                        GateFixture.MODEL,
                                                        true,
                                                        200,
                                                        Usage.tokens(100, 100),
                                                        Settlement.End.COMPLETED));
                                        return true;
                                    }
                                    return false;
                                }));
            }
            int admitted = 0;
            for (Future<Boolean> r : results) {
                admitted += r.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return admitted;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atomicNeverOvershootsAndTheLedgerEqualsTheSumOfCosts() throws Exception {
        for (int round = 0; round < 20; round++) {
            GateFixture f = new GateFixture(GateFixture.profile("--concurrency", "atomic"));
            CreatedKey key = f.limitedKey(LIMIT);
            int admitted = race(f, key, new CyclicBarrier(THREADS));
            assertThat(admitted).isLessThan(THREADS).isGreaterThanOrEqualTo(10);
            assertThat(key.key().state().usedInPeriodMicroCredits())
                    .isEqualTo(admitted * COST)
                    .isLessThanOrEqualTo(LIMIT);
            assertThat(f.logCredits(key.key())).isEqualTo(admitted * COST);
        }
    }

    @Test
    void checkThenActLetsEveryRacerThroughAndTheOvershootShowsInTheLedger() throws Exception {
        // All racers pass the check on the same balance, then wait here before reserving: the
        // window
        // new-api has between GetTokenByKey and DecreaseTokenQuota, made wide enough to hit every
        // time.
        CyclicBarrier betweenCheckAndReserve = new CyclicBarrier(THREADS);
        GateFixture f =
                new GateFixture(
                        EnforcementProfile.DEFAULTS,
                        () -> {
                            try {
                                betweenCheckAndReserve.await(30, TimeUnit.SECONDS);
                            } catch (InterruptedException
                                    | BrokenBarrierException
                                    | TimeoutException e) {
                                throw new IllegalStateException(e);
                            }
                        });
        CreatedKey key = f.limitedKey(700);
        int admitted = race(f, key, new CyclicBarrier(THREADS));
        assertThat(admitted).isEqualTo(THREADS);
        long charged = key.key().state().usedInPeriodMicroCredits();
        assertThat(charged).isEqualTo(THREADS * COST).isGreaterThan(700);
        assertThat(f.logCredits(key.key())).isEqualTo(charged);
    }
}
