package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.CallResult;
import io.tokenbench.simulations.keys.http.Secret;
import java.util.List;

/** Hand-built matrix outcomes for the evaluator tests (no sockets). */
final class Cells {
    static final KeyHandle KEY =
            new KeyHandle("test", Secret.of("sk-test-not-a-real-key-0000"), null, 1000L);

    private Cells() {}

    static DriveResult drive(long spent, long maxCost, boolean runaway) {
        return new DriveResult(List.of(), spent, maxCost, runaway, null, 0, null, null, 0);
    }

    static CellOutcome outcome(
            int concurrency, Integer maxTokens, long limit, long charged, DriveResult d) {
        return new CellOutcome(
                new Cell(concurrency, false, maxTokens),
                KEY,
                limit,
                d,
                0,
                charged,
                true,
                300,
                0,
                0,
                null,
                List.of());
    }

    static CallResult rejection(int status) {
        return new CallResult(
                status,
                "req-1",
                true,
                "application/json",
                -1,
                -1,
                0,
                false,
                "{}",
                0,
                1_000_000,
                null);
    }
}
