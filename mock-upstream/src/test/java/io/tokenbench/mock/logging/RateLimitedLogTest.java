package io.tokenbench.mock.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

    private record Entry(Logger.Level level, String message, Throwable error) {}

    /** Keeps what it is given. */
    private static final class Capturing implements Logger {
        final List<Entry> entries = new ArrayList<>();

        @Override
        public String getName() {
            return "capturing";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            entries.add(new Entry(level, msg, thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            entries.add(new Entry(level, format, null));
        }
    }

    private final Capturing logger = new Capturing();
    private final AtomicLong nanos = new AtomicLong();
    private final RateLimitedLog log = new RateLimitedLog(logger, 3, 1_000, nanos::get);

    @Test
    void aStormWritesThePermitsThenCountsAndReportsTheRest() {
        RuntimeException storm = new IllegalStateException("boom");
        for (int i = 0; i < 1_000; i++) {
            log.error("failed " + i, storm);
        }
        assertThat(logger.entries)
                .extracting(Entry::message)
                .containsExactly("failed 0", "failed 1", "failed 2");
        assertThat(logger.entries).allSatisfy(e -> assertThat(e.error()).isSameAs(storm));
        assertThat(log.suppressedCount()).isEqualTo(997);

        nanos.addAndGet(1_000); // next window
        log.warn("later", storm);
        Entry later = logger.entries.get(3);
        assertThat(later.level()).isEqualTo(Logger.Level.WARNING);
        assertThat(later.message())
                .isEqualTo("later (997 similar record(s) suppressed before this)");
        assertThat(later.error()).isSameAs(storm);
        assertThat(log.suppressedCount()).isZero();
    }

    @Test
    void withinTheWindowTheLimitHoldsAcrossCalls() {
        log.error("a", null);
        nanos.addAndGet(999);
        log.error("b", null);
        log.error("c", null);
        log.error("d", null);
        assertThat(logger.entries).extracting(Entry::message).containsExactly("a", "b", "c");
    }
}
