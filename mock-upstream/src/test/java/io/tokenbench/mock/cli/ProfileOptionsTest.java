package io.tokenbench.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.billing.CancelBilling;
import io.tokenbench.mock.billing.PeriodAttribution;
import io.tokenbench.mock.billing.Rounding;
import io.tokenbench.mock.platform.ConcurrencyMode;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.ErrorStyle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The key-enforcement options of the mock's command line (KEYS.md): every one sets its switch, in
 * dash or underscore spelling, and a bad value exits 2 naming the option.
 */
class ProfileOptionsTest {

    /** The 17 switches of KEYS.md, by their command-line names. */
    private static final String[] ENFORCEMENT_OPTIONS = {
        "--concurrency",
        "--error-style",
        "--cancel-billing",
        "--rounding",
        "--reset-zone",
        "--reset-weekday",
        "--reset-lag-ms",
        "--expiry-off-by-one",
        "--period-attribution",
        "--cutoff",
        "--stale-cache-ms",
        "--batch-write-ms",
        "--drop-settlement",
        "--double-settle",
        "--no-refund-on-error",
        "--trust-bypass",
        "--fail-open",
        "--ledger-read-lag",
        "--usage-reports-granted",
    };

    @Test
    void everyCommandLineOptionSetsItsSwitch() {
        EnforcementProfile p =
                CommandLines.profile(
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
                        "true");
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
        String help = help();
        for (String option : ENFORCEMENT_OPTIONS) {
            assertThat(help).contains(option);
        }
    }

    @Test
    void theReadViewSwitchesTakeADistributionAndABoolean() {
        EnforcementProfile p =
                CommandLines.profile(
                        "--ledger-read-lag", "uniform(0ms,2s)", "--usage_reports_granted", "false");
        assertThat(p.ledgerReadLag().spec()).isEqualTo("uniform(0ms,2s)");
        assertThat(p.ledgerReadLag().sample(new java.util.SplittableRandom(1))).isBetween(0.0, 2e9);
        assertThat(p.usageReportsGranted()).isFalse();
        assertThat(EnforcementProfile.DEFAULTS.usageReportsGranted()).isTrue();
        assertThat(
                        EnforcementProfile.DEFAULTS
                                .ledgerReadLag()
                                .sample(new java.util.SplittableRandom(1)))
                .isZero();
    }

    @Test
    void notGivenKeepsTheDefaultsAndOffTurnsTheTrustBypassOff() {
        assertThat(CommandLines.profile()).isEqualTo(EnforcementProfile.DEFAULTS);
        assertThat(CommandLines.profile("--trust-bypass", "off").trustBypassAboveMicroCredits())
                .isNull();
        assertThat(CommandLines.profile("--expiry-off-by-one", "-1").expiryOffByOneSeconds())
                .isEqualTo(-1);
    }

    @Test
    void badValuesExitTwoNamingTheOption() {
        String[][] cases = {
            {"--error-style", "azure"},
            {"--reset-lag-ms", "ten"},
            {"--reset-lag-ms", "-5"},
            {"--drop-settlement", "1.5"},
            {"--drop-settlement", "NaN"},
            {"--reset-zone", "Mars/Base"},
            {"--cutoff", "yes"},
            {"--trust-bypass", "-1"},
            {"--ledger-read-lag", "2"},
            {"--ledger-read-lag", "uniform(2s)"},
            {"--usage-reports-granted", "yes"},
        };
        for (String[] args : cases) {
            Run run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", args)).contains(args[0]).contains(args[1]);
        }
        Run unknown = run("--colour", "red");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option").contains("--colour");
        Run missing = run("--cutoff");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--cutoff: needs a value");
        Run repeated = run("--fail-open", "true", "--fail_open", "false");
        assertThat(repeated.exitCode()).as("one switch given twice").isEqualTo(2);
        assertThat(repeated.err()).contains("--fail-open");
    }

    private record Run(int exitCode, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        MockMain.Launch launch =
                MockMain.launch(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        launch.mock().ifPresent(mock -> mock.close());
        return new Run(launch.exitCode(), err.toString(StandardCharsets.UTF_8));
    }

    private static String help() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MockMain.launch(
                new String[] {"--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
