package io.tokenbench.benchmarks.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LiveTargetTest {

    private static final String SECRET = "sk-live-secret-value-123";

    @Test
    void readsUrlModelAndKeyFromItsVariable() {
        Properties p = props("https://api.example.test/v1");
        p.setProperty(LiveTarget.API_KEY_ENV_PROPERTY, "MY_KEY");
        p.setProperty(LiveTarget.MODEL_PROPERTY, "deepseek-v3");

        Endpoint e = LiveTarget.endpoint(p, Map.of("MY_KEY", SECRET));

        assertThat(e.apiKey()).isEqualTo(SECRET);
        assertThat(e.model()).isEqualTo("deepseek-v3");
        assertThat(e.exactTokens()).isFalse();
        assertThat(e.chatPath()).isEqualTo("/v1/chat/completions");
        assertThat(e.port()).isEqualTo(443);
        assertThat(e.hostHeader()).isEqualTo("api.example.test");
        assertThat(e.toString()).doesNotContain(SECRET).contains("api.example.test");
    }

    @Test
    void headersAreReadFromNumberedPropertiesAndSecretValuesFromTheEnvironment() {
        Properties p = props("https://api.example.test/v1");
        p.setProperty("tokenbench.bench.header.0", "x-route: a");
        p.setProperty("tokenbench.bench.header.1", "x-team: perf");
        p.setProperty("tokenbench.bench.header.3", "x-skipped: after a gap");
        p.setProperty("tokenbench.bench.headerEnv.0", "X-Gateway-Key=GW_KEY");

        Endpoint e =
                LiveTarget.endpoint(
                        p, Map.of("POWERTOKENS_API_KEY", SECRET, "GW_KEY", "gw-" + SECRET));

        assertThat(e.headers())
                .containsExactly(
                        Map.entry("x-route", "a"),
                        Map.entry("x-team", "perf"),
                        Map.entry("X-Gateway-Key", "gw-" + SECRET));
        assertThat(e.toString()).doesNotContain(SECRET).contains("X-Gateway-Key");
    }

    @Test
    void anUnsetHeaderVariableNamesTheOptionAndTheVariable() {
        Properties p = props("https://api.example.test/v1");
        p.setProperty("tokenbench.bench.headerEnv.0", "X-Gateway-Key=GW_KEY");
        assertThatThrownBy(() -> LiveTarget.endpoint(p, Map.of("POWERTOKENS_API_KEY", SECRET)))
                .hasMessageStartingWith("--header-env:")
                .hasMessageContaining("GW_KEY")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void missingUrlNamesTheProperty() {
        assertThatThrownBy(() -> LiveTarget.endpoint(new Properties(), Map.of()))
                .hasMessageContaining(LiveTarget.BASE_URL_PROPERTY);
    }

    @Test
    void notAnHttpUrlNamesTheProperty() {
        assertThatThrownBy(
                        () ->
                                LiveTarget.endpoint(
                                        props("ftp://host/v1"),
                                        Map.of("POWERTOKENS_API_KEY", SECRET)))
                .hasMessageContaining(LiveTarget.BASE_URL_PROPERTY)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void missingKeyNamesTheVariable() {
        assertThatThrownBy(() -> LiveTarget.endpoint(props("http://127.0.0.1:1/v1"), Map.of()))
                .hasMessageContaining(LiveTarget.DEFAULT_API_KEY_ENV);
    }

    @Test
    void mockTargetsWriteExactlyTheRequestedTokens() {
        assertThat(TargetKind.MOCK_ZERO.mockBehavior(7).outputTokens().spec()).isEqualTo("7");
        assertThat(TargetKind.MOCK_ZERO.mockBehavior(7).ttft().spec()).isEqualTo("0ms");
        assertThat(TargetKind.MOCK_REALISTIC.mockBehavior(7).ttft().spec())
                .isEqualTo(TargetKind.REALISTIC_TTFT);
        assertThatThrownBy(() -> TargetKind.LIVE.mockBehavior(7))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Properties props(String url) {
        Properties p = new Properties();
        p.setProperty(LiveTarget.BASE_URL_PROPERTY, url);
        return p;
    }
}
