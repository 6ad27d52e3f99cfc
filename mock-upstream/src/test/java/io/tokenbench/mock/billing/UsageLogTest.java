package io.tokenbench.mock.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageLogTest {

    private static UsageRow row(long keyId, String time, long credits, int status, String reason) {
        Instant t = Instant.parse(time);
        return new UsageRow(
                t,
                "req-" + time,
                keyId,
                "k" + keyId,
                "gpt-4o-mini",
                "/v1/chat/completions",
                10,
                5,
                credits,
                false,
                status,
                reason,
                t);
    }

    @Test
    void keepsTheNewestRowsAndFiltersByKeyAndSince() {
        UsageLog log = new UsageLog(3);
        log.append(row(1, "2026-01-01T00:00:00Z", 1, 200, null));
        log.append(row(2, "2026-01-01T00:00:01Z", 2, 200, null));
        log.append(row(1, "2026-01-01T00:00:02Z", 3, 200, null));
        log.append(row(1, "2026-01-01T00:00:03Z", 4, 200, null));
        assertThat(log.query(null, null))
                .extracting(UsageRow::creditsMicro)
                .containsExactly(2L, 3L, 4L);
        assertThat(log.query(1L, null)).extracting(UsageRow::creditsMicro).containsExactly(3L, 4L);
        assertThat(log.query(null, Instant.parse("2026-01-01T00:00:02Z")))
                .extracting(UsageRow::creditsMicro)
                .containsExactly(3L, 4L);
        assertThat(log.tail(2)).extracting(UsageRow::creditsMicro).containsExactly(3L, 4L);
    }

    @Test
    void pagesAreOldestFirstAndContinueAfterTheCursorWhileRowsAreDropped() {
        UsageLog log = new UsageLog(4);
        for (int i = 0; i < 4; i++) {
            log.append(row(i % 2, "2026-01-01T00:00:0" + i + "Z", i, 200, null));
        }
        UsageLog.Page first = log.page(null, null, 0, 3);
        assertThat(first.rows()).extracting(UsageRow::creditsMicro).containsExactly(0L, 1L, 2L);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.lastSeq()).isEqualTo(3);
        log.append(row(0, "2026-01-01T00:00:04Z", 4, 200, null)); // drops the row of seq 1
        log.append(row(1, "2026-01-01T00:00:05Z", 5, 200, null)); // drops seq 2
        UsageLog.Page second = log.page(null, null, first.lastSeq(), 3);
        assertThat(second.rows())
                .as("nothing read twice, nothing skipped that is kept")
                .extracting(UsageRow::creditsMicro)
                .containsExactly(3L, 4L, 5L);
        assertThat(second.hasMore()).isFalse();
        UsageLog.Page end = log.page(null, null, second.lastSeq(), 3);
        assertThat(end.rows()).isEmpty();
        assertThat(end.lastSeq()).as("the cursor stays where it was").isEqualTo(second.lastSeq());

        UsageLog.Page keyZero = log.page(0L, null, 0, 1);
        assertThat(keyZero.rows()).extracting(UsageRow::creditsMicro).containsExactly(2L);
        assertThat(keyZero.hasMore()).as("the row of credits 4 follows").isTrue();
        assertThat(log.page(0L, null, keyZero.lastSeq(), 1).rows())
                .extracting(UsageRow::creditsMicro)
                .containsExactly(4L);
        UsageLog.Page exact = log.page(null, null, 0, 4);
        assertThat(exact.rows()).hasSize(4);
        assertThat(exact.hasMore()).as("exactly limit rows: none more").isFalse();
    }

    @Test
    void concurrentAppendsArePagedWithoutLossOrRepeats() throws InterruptedException {
        UsageLog log = new UsageLog(100_000);
        int threads = 4;
        int perThread = 5_000;
        java.util.Set<String> seen = new java.util.HashSet<>();
        Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int writer = t;
            writers[t] =
                    new Thread(
                            () -> {
                                for (int i = 0; i < perThread; i++) {
                                    Instant now = Instant.EPOCH.plusSeconds(i);
                                    log.append(
                                            new UsageRow(
                                                    now,
                                                    writer + "-" + i,
                                                    writer,
                                                    "k",
                                                    "m",
                                                    "/v1/chat/completions",
                                                    1,
                                                    1,
                                                    1,
                                                    false,
                                                    200,
                                                    null,
                                                    now));
                                }
                            });
            writers[t].start();
        }
        long cursor = 0;
        boolean writing = true;
        while (writing || seen.size() < threads * perThread) {
            writing = false;
            for (Thread w : writers) {
                writing |= w.isAlive();
            }
            UsageLog.Page page = log.page(null, null, cursor, 500);
            for (UsageRow row : page.rows()) {
                assertThat(seen.add(row.requestId())).as("read once: " + row.requestId()).isTrue();
            }
            cursor = page.lastSeq();
            if (!writing && page.rows().isEmpty()) {
                break;
            }
        }
        for (Thread w : writers) {
            w.join();
        }
        assertThat(seen)
                .as("every row read by paging while they were written")
                .hasSize(threads * perThread);
    }

    @Test
    void statsCountRequestsSuccessesAndCredits() {
        UsageStats stats = new UsageStats();
        stats.record(row(1, "2026-01-01T00:00:00Z", 10, 200, null));
        stats.record(row(1, "2026-01-01T00:00:01Z", 4, 200, "client_cancelled"));
        stats.record(row(1, "2026-01-01T00:00:02Z", 0, 401, "exhausted"));
        stats.record(row(1, "2026-01-01T00:00:03Z", 0, 200, "upstream_error_before_first_byte"));
        UsageStats.Snapshot s = stats.perKey().get(1L);
        assertThat(s.requests()).isEqualTo(4);
        assertThat(s.succeeded()).isEqualTo(2);
        assertThat(s.creditsMicro()).isEqualTo(14);
        assertThat(s.successRate()).isEqualTo(0.5);
        assertThat(stats.perModel().get("gpt-4o-mini").requests()).isEqualTo(4);
    }
}
