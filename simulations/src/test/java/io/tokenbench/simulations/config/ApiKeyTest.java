package io.tokenbench.simulations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void keyIsReadFromTheNamedVariableAndNeverPrinted() {
        ApiKey key = ApiKey.fromEnvironment("MY_KEY", Map.of("MY_KEY", "sk-secret-123"));
        assertThat(key.bearerHeader()).isEqualTo("Bearer sk-secret-123");
        assertThat(key.toString()).doesNotContain("sk-secret");
    }

    @Test
    void missingVariableFailsNamingTheVariableNotAValue() {
        assertThatThrownBy(() -> ApiKey.fromEnvironment("MY_KEY", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--api-key-env")
                .hasMessageContaining("environment variable MY_KEY is not set");
    }

    @Test
    void embeddedMockFallsBackToItsPublicDefaultKey() {
        assertThat(ApiKey.forEmbeddedMock("MY_KEY", Map.of()).bearerHeader())
                .isEqualTo("Bearer " + ApiKey.MOCK_DEFAULT);
    }

    @Test
    void chatUrlIsBuiltWithOrWithoutV1() {
        assertThat(Endpoints.chatCompletions(URI.create("https://api.powertokens.ai")))
                .hasToString("https://api.powertokens.ai/v1/chat/completions");
        assertThat(Endpoints.chatCompletions(URI.create("http://127.0.0.1:8080/v1/")))
                .hasToString("http://127.0.0.1:8080/v1/chat/completions");
    }
}
