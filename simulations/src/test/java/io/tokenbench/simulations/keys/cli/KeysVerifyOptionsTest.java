package io.tokenbench.simulations.keys.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KeysVerifyOptionsTest {

    private static void rejects(String option, String... args) {
        assertThatThrownBy(() -> KeysVerifyMain.parse(args))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining(option);
    }

    @Test
    void defaultsRunTheInProcessMockMatrix() {
        KeysVerifyOptions o = KeysVerifyMain.parse();
        assertThat(o.targetKind()).isEqualTo(KeysVerifyOptions.TargetKind.MOCK_IN_PROCESS);
        assertThat(o.concurrencies()).containsExactly(1, 4, 16, 64);
        assertThat(o.settleTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.errorStyle()).isEqualTo("newapi");
    }

    @Test
    void liveGatewayNeedsKeysByVariableNameAndALimit() {
        KeysVerifyOptions o =
                KeysVerifyMain.parse(
                        "--url",
                        "https://gw.example:8443",
                        "--key-env",
                        "PT_KEY_1",
                        "--key-env",
                        "PT_KEY_2",
                        "--limit-credits",
                        "0.01",
                        "--model",
                        "cheap",
                        "--reset",
                        "daily",
                        "--wait-for-reset");
        assertThat(o.targetKind()).isEqualTo(KeysVerifyOptions.TargetKind.LIVE);
        assertThat(o.keyEnvs()).containsExactly("PT_KEY_1", "PT_KEY_2");
        assertThat(o.waitForReset()).isTrue();
        rejects("--limit-credits", "--url", "http://h:1", "--key-env", "K", "--model", "m");
        assertThat(
                        KeysVerifyMain.parse(
                                        "--url",
                                        "http://h:1",
                                        "--key-env",
                                        "K",
                                        "--limit-credits",
                                        "1")
                                .model())
                .isNull();
        rejects("--url", "--url", "http://h:1");
        // A key pasted where a variable name belongs is refused, and not echoed.
        assertThatThrownBy(
                        () -> KeysVerifyMain.parse("--url", "http://h:1", "--key-env", "sk-abc123"))
                .hasMessageContaining("--key-env")
                .hasMessageNotContaining("sk-abc123");
    }

    @Test
    void badValuesNameTheirOption() {
        rejects("--concurrency", "--concurrency", "1,four");
        rejects("--concurrency", "--concurrency", "0");
        rejects("--settle-timeout", "--settle-timeout", "5");
        rejects("--error-style", "--error-style", "azure");
        rejects("--mock-option", "--mock-option", "concurrency");
        rejects("--bogus", "--bogus", "1");
        rejects("--max-tokens", "--max-tokens");
        rejects("--url", "--url", "http://user:pw@h:1", "--admin-token-env", "T");
        rejects("--key-env", "--key-env", "K");
        rejects("--price-out", "--price-in", "0.5");
    }

    @Test
    void mainExitsTwoNamingTheOptionAndPrintsHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                KeysVerifyMain.run(
                        new String[] {"--concurrency", "x"},
                        Map.of(),
                        new PrintStream(out),
                        new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--concurrency");
        assertThat(
                        KeysVerifyMain.run(
                                new String[] {"--help"},
                                Map.of(),
                                new PrintStream(out),
                                new PrintStream(err)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Usage: ./tokenbench keys verify")
                .contains("--wait-for-reset")
                .contains("--key-env=NAME");
    }

    @Test
    void aMissingEnvironmentVariableIsExitTwoNamingIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                KeysVerifyMain.run(
                        new String[] {
                            "--url", "http://127.0.0.1:9", "--admin-token-env", "NOT_SET_HERE"
                        },
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--admin-token-env")
                .contains("NOT_SET_HERE");
    }

    @Test
    void anUnreachableTargetIsExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                KeysVerifyMain.run(
                        new String[] {"--url", "http://127.0.0.1:9", "--admin-token-env", "T"},
                        Map.of("T", "adm-token"),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("could not run")
                .doesNotContain("adm-token");
    }

    @Test
    void aSwitchTheMockDoesNotKnowIsExitTwoNamingTheOption() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit =
                KeysVerifyMain.run(
                        new String[] {
                            "--mock-option", "bogus_switch=1", "--runs", "target/keys-verify-unused"
                        },
                        Map.of(),
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--mock-option")
                .contains("bogus_switch");
    }

    @Test
    void mockOptionsBecomeTypedJson() {
        assertThat(
                        KeysVerifyRun.enforcementJson(
                                new java.util.LinkedHashMap<>(Map.of("fail_open", "true"))))
                .isEqualTo("{\"fail_open\":true}");
        assertThat(
                        KeysVerifyRun.enforcementJson(
                                new java.util.LinkedHashMap<>(Map.of("trust_bypass", "off"))))
                .isEqualTo("{\"trust_bypass\":null}");
        assertThat(
                        KeysVerifyRun.enforcementJson(
                                new java.util.LinkedHashMap<>(Map.of("drop_settlement", "0.5"))))
                .isEqualTo("{\"drop_settlement\":0.5}");
        assertThat(
                        KeysVerifyRun.enforcementJson(
                                new java.util.LinkedHashMap<>(
                                        Map.of("reset_zone", "Asia/Shanghai"))))
                .isEqualTo("{\"reset_zone\":\"Asia/Shanghai\"}");
        assertThat(
                        List.of(
                                KeysVerifyMain.parse("--mock-option", "stale-cache-ms=5")
                                        .mockOptions()
                                        .keySet()))
                .containsExactly(java.util.Set.of("stale_cache_ms"));
    }

    @Test
    void helpListsEachOptionOnceWithItsDefault() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(
                        KeysVerifyMain.run(
                                new String[] {"--help"},
                                Map.of(),
                                new PrintStream(out),
                                new PrintStream(new ByteArrayOutputStream())))
                .isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help.split("--model=", -1)).hasSize(2);
        assertThat(help.substring(help.indexOf("--settle-timeout="))).contains("Default: 5s");
    }

    @Test
    void repeatedSingleValuesAndOptionNamesAsValuesAreRejected() {
        rejects("--model", "--model", "a", "--model", "b");
        rejects("--model", "--model", "--prompt", "hi");
        assertThat(
                        KeysVerifyMain.parse(
                                        "--key-env",
                                        "A",
                                        "--key-env",
                                        "B",
                                        "--url",
                                        "http://h:1",
                                        "--limit-credits",
                                        "1")
                                .keyEnvs())
                .containsExactly("A", "B");
        assertThat(KeysVerifyMain.parse("--settle-timeout", "1m30s").settleTimeout())
                .isEqualTo(Duration.ofSeconds(90));
    }
}
