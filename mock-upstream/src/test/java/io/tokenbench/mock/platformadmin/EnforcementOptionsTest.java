package io.tokenbench.mock.platformadmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.platform.ConcurrencyMode;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.ErrorStyle;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnforcementOptionsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
                io.tokenbench.mock.cli.CommandLines.profile(
                        "--reset-zone",
                        "Asia/Shanghai",
                        "--trust-bypass",
                        "10",
                        "--double-settle",
                        "0.125",
                        "--cancel-billing",
                        "zero");
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
