package io.tokenbench.mock.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.gate.Settlement.Usage;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CancelBillingTest {

    private static final Usage EMITTED = Usage.tokens(120, 40);

    @Test
    void eachModeBillsWhatItSays() {
        assertThat(CancelBilling.TOKENS_EMITTED.billable(EMITTED, OptionalInt.of(300)))
                .isEqualTo(EMITTED);
        assertThat(CancelBilling.ZERO.billable(EMITTED, OptionalInt.of(300))).isEqualTo(Usage.NONE);
        assertThat(CancelBilling.INPUT_ONLY.billable(EMITTED, OptionalInt.of(300)))
                .isEqualTo(Usage.tokens(120, 0));
        assertThat(CancelBilling.FULL.billable(EMITTED, OptionalInt.of(300)))
                .isEqualTo(Usage.tokens(120, 300));
        assertThat(CancelBilling.FULL.billable(EMITTED, OptionalInt.empty())).isEqualTo(EMITTED);
    }

    @Test
    void wireNamesParseStrictly() {
        assertThat(CancelBilling.parse("input_only")).isEqualTo(CancelBilling.INPUT_ONLY);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CancelBilling.parse("INPUT_ONLY"))
                .hasMessageContaining("INPUT_ONLY");
    }
}
