package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.gate.Settlement.Usage;
import io.tokenbench.mock.keys.CreatedKey;
import io.tokenbench.mock.platform.EnforcementProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The settlement fault switches ({@code --drop-settlement}, {@code --double-settle}) draw from the
 * mock's seed: the same seed and requests hit the same requests; another seed hits others.
 */
class SeededFaultSwitchTest {

    private static final int REQUESTS = 200;

    /** Per request, the Credits the ledger moved: 500 dropped, 1 000 settled, 1 500 doubled. */
    private static List<Long> ledgerSteps(String option, long seed) {
        GateFixture f = new GateFixture(GateFixture.profile(option, "0.5"), seed);
        CreatedKey k = f.limitedKey(10_000_000);
        List<Long> steps = new ArrayList<>();
        long before = 0;
        for (int i = 0; i < REQUESTS; i++) {
            f.complete(k.secret(), 100, null, Usage.tokens(100, 450));
            long used = k.key().state().usedTotalMicroCredits();
            steps.add(used - before);
            before = used;
        }
        return steps;
    }

    @Test
    void dropSettlementHitsTheSameRequestsForTheSameSeed() {
        List<Long> first = ledgerSteps("--drop-settlement", 7);
        assertThat(ledgerSteps("--drop-settlement", 7)).isEqualTo(first);
        assertThat(first).containsOnly(500L, 1_000L);
        long dropped = first.stream().filter(step -> step == 500L).count();
        assertThat(dropped).as("about half of %d at p = 0.5", REQUESTS).isBetween(60L, 140L);
        assertThat(ledgerSteps("--drop-settlement", 8)).isNotEqualTo(first);
    }

    @Test
    void doubleSettleHitsTheSameRequestsForTheSameSeed() {
        List<Long> first = ledgerSteps("--double-settle", 7);
        assertThat(ledgerSteps("--double-settle", 7)).isEqualTo(first);
        assertThat(first).containsOnly(1_000L, 1_500L);
        assertThat(ledgerSteps("--double-settle", 8)).isNotEqualTo(first);
    }

    @Test
    void theSwitchesDrawIndependently() {
        GateFixture f = new GateFixture(EnforcementProfile.DEFAULTS, 7);
        int both = 0;
        int drop = 0;
        for (int i = 0; i < 1_000; i++) {
            String id = "req_" + i;
            boolean d = f.gate.chance(0.5, id, 1);
            boolean e = f.gate.chance(0.5, id, 2);
            drop += d ? 1 : 0;
            both += d && e ? 1 : 0;
        }
        assertThat(drop).isBetween(400, 600);
        assertThat(both).as("independent halves overlap about a quarter").isBetween(180, 320);
    }
}
