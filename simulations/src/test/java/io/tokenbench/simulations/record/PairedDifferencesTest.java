package io.tokenbench.simulations.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.reports.record.RequestTimeline;
import org.junit.jupiter.api.Test;

class PairedDifferencesTest {
    /**
     * A streamed request scheduled at 0, sent at 0, first token at {@code firstMs}, last at {@code
     * lastMs}.
     */
    private static RequestTimeline t(long firstMs, long lastMs, Outcome outcome) {
        return RequestTimeline.builder(EndpointClass.CHAT)
                .sched(0)
                .send(0)
                .headers(1_000_000)
                .outputEvents(firstMs * 1_000_000, lastMs * 1_000_000)
                .done(lastMs * 1_000_000)
                .usage(1, 2)
                .outcome(outcome)
                .build();
    }

    @Test
    void pairsByIndexInEitherOrderAndKeepsNegativeDifferences() {
        PairedDifferences p = new PairedDifferences();
        p.offer(0, 7, t(110, 300, Outcome.OK)); // gateway first
        p.offer(1, 7, t(100, 290, Outcome.OK)); // then upstream: +10 ms
        p.offer(1, 8, t(100, 290, Outcome.OK)); // upstream first
        p.offer(0, 8, t(95, 280, Outcome.OK)); // gateway faster: -5 ms
        p.offer(0, 9, t(95, 280, Outcome.OK)); // never paired
        PairedDifferences.Distribution ttft = p.summary().get("ttft_sched");
        assertThat(ttft.count()).isEqualTo(2);
        assertThat(ttft.p1()).isEqualTo(-5.0);
        assertThat(ttft.p99()).isEqualTo(10.0);
        assertThat(ttft.mean()).isEqualTo(2.5);
        assertThat(p.summary().get("e2e").p50()).isEqualTo(-10.0);
    }

    @Test
    void failedSidesAreNotPaired() {
        PairedDifferences p = new PairedDifferences();
        p.offer(0, 1, t(110, 300, Outcome.HTTP_5XX));
        p.offer(1, 1, t(100, 290, Outcome.OK));
        assertThat(p.summary().get("ttft_sched").count()).isZero();
    }
}
