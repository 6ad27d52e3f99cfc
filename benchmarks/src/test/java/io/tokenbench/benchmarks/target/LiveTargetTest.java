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
