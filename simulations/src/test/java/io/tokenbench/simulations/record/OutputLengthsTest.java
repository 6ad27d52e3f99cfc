package io.tokenbench.simulations.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Requested vs received output length: means, short requests, requests without usage. */
class OutputLengthsTest {
    @Test
    void outputLengthsCompareRequestedWithReceived() {
        OutputLengths lengths = new OutputLengths();
        lengths.record(100, 100);
        lengths.record(100, 40);
        lengths.record(50, -1); // no usage: not counted
        assertThat(lengths.requests()).isEqualTo(2);
        assertThat(lengths.shortRequests()).isEqualTo(1);
        assertThat(lengths.describe())
                .contains("requested mean 100.0 tokens, received mean 70.0 (70.0%)")
                .contains("1 of 2");
        assertThat(lengths.toJson()).contains("\"requested_tokens\":200,\"received_tokens\":140");
    }
}
