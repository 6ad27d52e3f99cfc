package io.tokenbench.mock.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.catalog.ModelPrice;
import io.tokenbench.mock.gate.Settlement.Usage;
import java.math.BigDecimal;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CostCalculatorTest {

    /**
     * 0.15 Credits per 1M input tokens, 0.6 per 1M output: fractions of a micro-Credit per token.
     */
    private static final ModelPrice MINI =
            new ModelPrice(
                    new BigDecimal("0.15"),
                    new BigDecimal("0.6"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO);

    private static final ModelPrice WHOLE =
            new ModelPrice(
                    new BigDecimal("2"),
                    new BigDecimal("8"),
                    new BigDecimal("0.04"),
                    new BigDecimal("0.1"));

    @Test
    void tokenCostsAreExactMicroCreditsPerToken() {
        // 1000 × 2 + 500 × 8 = 6000 micro-Credits.
        assertThat(
                        CostCalculator.costMicroCredits(
                                WHOLE, Usage.tokens(1000, 500), Rounding.HALF_AWAY_FROM_ZERO))
                .isEqualTo(6000);
    }

    @Test
    void imagesAndSecondsArePricedInCredits() {
        // 2 images × 0.04 Credits + 1.5 s × 0.1 Credits = 0.23 Credits.
        assertThat(
                        CostCalculator.costMicroCredits(
                                WHOLE, new Usage(0, 0, 2, 1.5), Rounding.HALF_AWAY_FROM_ZERO))
                .isEqualTo(230_000);
    }

    @Test
    void roundingModesDifferOnHalvesAndFractions() {
        // 10 × 0.15 = 1.5 → 2 half away, 2 ceil, 1 none.
        Usage tenIn = Usage.tokens(10, 0);
        assertThat(CostCalculator.costMicroCredits(MINI, tenIn, Rounding.HALF_AWAY_FROM_ZERO))
                .isEqualTo(2);
        assertThat(CostCalculator.costMicroCredits(MINI, tenIn, Rounding.CEIL)).isEqualTo(2);
        assertThat(CostCalculator.costMicroCredits(MINI, tenIn, Rounding.NONE)).isEqualTo(1);
        // 7 × 0.15 = 1.05 → 1, 2, 1.
        Usage sevenIn = Usage.tokens(7, 0);
        assertThat(CostCalculator.costMicroCredits(MINI, sevenIn, Rounding.HALF_AWAY_FROM_ZERO))
                .isEqualTo(1);
        assertThat(CostCalculator.costMicroCredits(MINI, sevenIn, Rounding.CEIL)).isEqualTo(2);
        assertThat(CostCalculator.costMicroCredits(MINI, sevenIn, Rounding.NONE)).isEqualTo(1);
        // Rounded once per request, not per part: 1 × 0.15 + 1 × 0.6 = 0.75 → 1.
        assertThat(
                        CostCalculator.costMicroCredits(
                                MINI, Usage.tokens(1, 1), Rounding.HALF_AWAY_FROM_ZERO))
                .isEqualTo(1);
    }

    @Test
    void estimateUsesAtLeast500PromptTokensAndMaxTokensOnlyWhenGiven() {
        assertThat(
                        CostCalculator.estimateMicroCredits(
                                WHOLE, 20, OptionalInt.empty(), Rounding.HALF_AWAY_FROM_ZERO))
                .isEqualTo(500 * 2);
        assertThat(
                        CostCalculator.estimateMicroCredits(
                                WHOLE, 800, OptionalInt.of(100), Rounding.HALF_AWAY_FROM_ZERO))
                .isEqualTo(800 * 2 + 100 * 8);
    }

    @Test
    void outputTokensWithinABudget() {
        // 10 000 µC budget − 100 × 2 prompt = 9 800 → 1 225 output tokens at 8.
        assertThat(CostCalculator.outputTokensWithin(WHOLE, 100, 10_000)).isEqualTo(1225);
        assertThat(CostCalculator.outputTokensWithin(WHOLE, 100, 150)).isZero();
        assertThat(CostCalculator.outputTokensWithin(ModelPrice.FREE, 100, 0))
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void creditsConvertExactlyAndRefuseSubMicroPrecision() {
        assertThat(Credits.toMicro(new BigDecimal("5.0"))).isEqualTo(5_000_000);
        assertThat(Credits.toMicro(new BigDecimal("0.000001"))).isEqualTo(1);
        assertThat(Credits.fromMicro(1_234_500)).isEqualByComparingTo("1.2345");
        assertThat(Credits.fromMicro(5_000_000).toPlainString()).isEqualTo("5");
        assertThat(Credits.format(-1_500_000)).isEqualTo("-1.500000");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Credits.toMicro(new BigDecimal("0.0000001")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
