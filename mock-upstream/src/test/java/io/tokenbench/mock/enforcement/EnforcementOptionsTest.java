package io.tokenbench.mock.enforcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.billing.CancelBilling;
import io.tokenbench.mock.billing.PeriodAttribution;
import io.tokenbench.mock.billing.Rounding;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnforcementOptionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyCommandLineOptionSetsItsSwitch() {
        EnforcementProfile p =
                EnforcementOptions.fromArgs(
                        EnforcementProfile.DEFAULTS,
                        List.of(
                                "--concurrency",
                                "atomic",
                                "--error-style",
                                "litellm",
                                "--cancel-billing",
                                "full",
                                "--rounding",
                                "ceil",
                                "--reset-zone",
                                "Asia/Shanghai",
                                "--reset-weekday",
                                "sunday",
                                "--reset-lag-ms",
                                "60000",
                                "--expiry-off-by-one",
                                "-1",
                                "--period-attribution",
                                "admission",
                                "--cutoff",
                                "true",
                                "--stale-cache-ms",
                                "60000",
                                "--batch-write-ms",
                                "5000",
                                "--drop-settlement",
                                "0.25",
                                "--double-settle",
                                "0.5",
                                "--no-refund-on-error",
                                "true",
                                "--trust-bypass",
                                "10",
                                "--fail_open",
                                "true"));
        assertThat(p)
                .isEqualTo(
                        new EnforcementProfile(
                                ConcurrencyMode.ATOMIC,
                                ErrorStyle.LITELLM,
                                CancelBilling.FULL,
                                Rounding.CEIL,
                                ZoneId.of("Asia/Shanghai"),
                                DayOfWeek.SUNDAY,
                                Duration.ofMinutes(1),
                                -1,
                                PeriodAttribution.ADMISSION,
                                true,
                                Duration.ofMinutes(1),
                                Duration.ofSeconds(5),
                                0.25,
                                0.5,
                                true,
                                10_000_000L,
                                true));
        assertThat(EnforcementOptions.optionNames())
                .hasSize(17)
                .contains("--stale-cache-ms", "--trust-bypass");
        assertThat(EnforcementOptions.docs())
                .extracting(EnforcementOptions.OptionDoc::option)
                .containsExactlyElementsOf(EnforcementOptions.optionNames());
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS,
                                        List.of("--error-style", "azure")))
                .isInstanceOf(ProfileOptionException.class)
                .hasMessageStartingWith("--error-style: ")
                .hasMessageContaining("azure");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS,
                                        List.of("--reset-lag-ms", "ten")))
                .hasMessageStartingWith("--reset-lag-ms: ");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS,
                                        List.of("--reset-lag-ms", "-5")))
                .hasMessageStartingWith("--reset-lag-ms: ");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS,
                                        List.of("--drop-settlement", "1.5")))
                .hasMessageStartingWith("--drop-settlement: ");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS,
                                        List.of("--drop-settlement", "NaN")))
                .hasMessageStartingWith("--drop-settlement: ");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS,
                                        List.of("--reset-zone", "Mars/Base")))
                .hasMessageStartingWith("--reset-zone: ");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS, List.of("--cutoff", "yes")))
                .hasMessageStartingWith("--cutoff: ");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS,
                                        List.of("--trust-bypass", "-1")))
                .hasMessageStartingWith("--trust-bypass: ");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS, List.of("--colour", "red")))
                .hasMessageStartingWith("--colour: unknown option");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromArgs(
                                        EnforcementProfile.DEFAULTS, List.of("--cutoff")))
                .hasMessageStartingWith("--cutoff: needs a value");
    }

    @Test
    void jsonMergesPresentSettingsAndChecksTypes() throws Exception {
        EnforcementProfile p =
                EnforcementOptions.fromJson(
                        EnforcementProfile.DEFAULTS,
                        MAPPER.readTree(
                                "{\"concurrency\":\"atomic\",\"trust_bypass\":2.5,\"stale_cache_ms\":100}"));
        assertThat(p.concurrency()).isEqualTo(ConcurrencyMode.ATOMIC);
        assertThat(p.trustBypassAboveMicroCredits()).isEqualTo(2_500_000L);
        assertThat(p.staleCache()).isEqualTo(Duration.ofMillis(100));
        assertThat(p.errorStyle()).isEqualTo(ErrorStyle.NEWAPI);
        assertThat(
                        EnforcementOptions.fromJson(p, MAPPER.readTree("{\"trust_bypass\":null}"))
                                .trustBypassAboveMicroCredits())
                .isNull();
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromJson(
                                        EnforcementProfile.DEFAULTS,
                                        MAPPER.readTree("{\"stale_cache_ms\":\"100\"}")))
                .hasMessageStartingWith("stale_cache_ms: expected integer");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromJson(
                                        EnforcementProfile.DEFAULTS,
                                        MAPPER.readTree("{\"cutoff\":1}")))
                .hasMessageStartingWith("cutoff: expected boolean");
        assertThatThrownBy(
                        () ->
                                EnforcementOptions.fromJson(
                                        EnforcementProfile.DEFAULTS,
                                        MAPPER.readTree("{\"speed\":1}")))
                .hasMessageStartingWith("speed: unknown setting");
    }

    @Test
    void toJsonRoundTripsThroughFromJson() {
        EnforcementProfile p =
                EnforcementOptions.fromArgs(
                        EnforcementProfile.DEFAULTS,
                        List.of(
                                "--reset-zone",
                                "Asia/Shanghai",
                                "--trust-bypass",
                                "10",
                                "--double-settle",
                                "0.125",
                                "--cancel-billing",
                                "zero"));
        assertThat(
                        EnforcementOptions.fromJson(
                                EnforcementProfile.DEFAULTS, EnforcementOptions.toJson(p)))
                .isEqualTo(p);
        assertThat(
                        EnforcementOptions.fromJson(
                                p, EnforcementOptions.toJson(EnforcementProfile.DEFAULTS)))
                .isEqualTo(EnforcementProfile.DEFAULTS);
    }
}
