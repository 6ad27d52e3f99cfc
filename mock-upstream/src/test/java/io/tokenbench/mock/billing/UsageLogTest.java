package io.tokenbench.mock.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UsageLogTest {

    private static UsageRow row(long keyId, String time, long credits, int status, String reason) {
        Instant t = Instant.parse(time);
        return new UsageRow(t, "req-" + time, keyId, "k" + keyId, "gpt-4o-mini", "/v1/chat/completions", 10, 5,
                credits, false, status, reason, t);
    }

    @Test
    void keepsTheNewestRowsAndFiltersByKeyAndSince() {
        UsageLog log = new UsageLog(3);
        log.append(row(1, "2026-01-01T00:00:00Z", 1, 200, null));
        log.append(row(2, "2026-01-01T00:00:01Z", 2, 200, null));
        log.append(row(1, "2026-01-01T00:00:02Z", 3, 200, null));
        log.append(row(1, "2026-01-01T00:00:03Z", 4, 200, null));
        assertThat(log.query(null, null)).extracting(UsageRow::creditsMicro).containsExactly(2L, 3L, 4L);
        assertThat(log.query(1L, null)).extracting(UsageRow::creditsMicro).containsExactly(3L, 4L);
        assertThat(log.query(null, Instant.parse("2026-01-01T00:00:02Z"))).extracting(UsageRow::creditsMicro)
                .containsExactly(3L, 4L);
        assertThat(log.tail(2)).extracting(UsageRow::creditsMicro).containsExactly(3L, 4L);
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
