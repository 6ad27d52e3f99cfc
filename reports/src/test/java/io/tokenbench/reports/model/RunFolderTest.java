package io.tokenbench.reports.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.reports.record.RecorderConfig;
import io.tokenbench.reports.record.Slo;
import io.tokenbench.reports.record.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    private static final String KEY = "sk-" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4";

    @TempDir Path runs;

    private static RunInfo info(Map<String, String> params, String baseUrl) {
        RecorderConfig config =
                new RecorderConfig(
                        Duration.ofSeconds(1),
                        new Window(
                                Duration.ofSeconds(30),
                                Duration.ofMinutes(5),
                                Duration.ofSeconds(10)),
                        Slo.of(Duration.ofMillis(800), Duration.ofMillis(50), null));
        return RunInfo.create(
                "chat-stream",
                "gatling",
                1_764_359_000_000L,
                baseUrl,
                new LoadModel.Open(20),
                config,
                params,
                Map.of("tokenbench", "0.1.0", "gatling", "3.15.1"));
    }

    @Test
    void createsTimestampedFolderWithRunJsonThatReadsBack() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("model", "gpt-4o-mini");
        params.put("max_tokens", "256");
        RunFolder folder = RunFolder.create(runs, info(params, "https://api.powertokens.ai/v1"));
        assertThat(folder.dir().getFileName().toString()).isEqualTo("20251128T194320Z-chat-stream");
        RunFolder second = RunFolder.create(runs, info(params, "https://api.powertokens.ai/v1"));
        assertThat(second.dir().getFileName().toString())
                .isEqualTo("20251128T194320Z-chat-stream-2");

        RunInfo back = folder.readInfo();
        assertThat(back.targetHost()).isEqualTo("api.powertokens.ai");
        assertThat(back.loadModel()).isEqualTo(new LoadModel.Open(20));
        assertThat(back.window())
                .isEqualTo(
                        new Window(
                                Duration.ofSeconds(30),
                                Duration.ofMinutes(5),
                                Duration.ofSeconds(10)));
        assertThat(back.slo()).isEqualTo(new Slo(800_000_000L, 50_000_000L, Slo.UNBOUNDED));
        assertThat(back.parameters())
                .containsEntry("max_tokens", "256")
                .containsEntry("model", "gpt-4o-mini");
        assertThat(back.versions()).containsEntry("gatling", "3.15.1");
        String json = Files.readString(folder.file(RunFolder.RUN_JSON));
        assertThat(json)
                .contains(
                        "\"schema_version\" : 1",
                        "\"type\" : \"open\"",
                        "\"rate_per_second\" : 20.0");
    }

    @Test
    void neverWritesAnApiKey() throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("api_key", KEY); // secret name and value
        params.put("authorization", "Bearer abc"); // secret name
        params.put("note", "called with " + KEY); // secret value under an innocent name
        params.put("header", "Authorization: Bearer xyz123"); // bearer value
        params.put("opaque", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg"); // long mixed token
        params.put("api_key_env", "POWERTOKENS_API_KEY"); // a variable name is not a key
        params.put("model", "meta-llama/Llama-3.1-8B-Instruct"); // ordinary values stay
        params.put("max_tokens", "256");
        RunFolder folder =
                RunFolder.create(
                        runs,
                        info(
                                params,
                                "https://user:" + KEY + "@api.powertokens.ai:8443/v1?key=" + KEY));
        String json = Files.readString(folder.file(RunFolder.RUN_JSON));
        assertThat(json)
                .doesNotContain(KEY)
                .doesNotContain("Bearer")
                .doesNotContain("xyz123")
                .doesNotContain("Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg");
        RunInfo back = folder.readInfo();
        assertThat(back.targetHost()).isEqualTo("api.powertokens.ai:8443");
        assertThat(back.redactedParameters())
                .containsExactlyInAnyOrder("api_key", "authorization", "note", "header", "opaque");
        assertThat(back.parameters())
                .containsEntry("api_key_env", "POWERTOKENS_API_KEY")
                .containsEntry("model", "meta-llama/Llama-3.1-8B-Instruct")
                .containsEntry("api_key", SecretGuard.REDACTED);
    }

    @Test
    void aRunInfoCannotBeBuiltAroundTheGuard() {
        RunInfo ok = info(Map.of(), "http://127.0.0.1:8080");
        assertThatThrownBy(
                        () ->
                                new RunInfo(
                                        ok.scenario(),
                                        ok.driver(),
                                        ok.startEpochMillis(),
                                        ok.targetHost(),
                                        ok.loadModel(),
                                        ok.interval(),
                                        ok.window(),
                                        ok.slo(),
                                        Map.of("token", KEY),
                                        java.util.List.of(),
                                        ok.versions(),
                                        ok.machine()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> info(Map.of(), "not a url " + KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining(KEY);
    }

    @Test
    void unknownSchemaVersionIsRejected() {
        assertThatThrownBy(() -> RunInfoJson.parse("{\"schema_version\": 2}"))
                .hasMessageContaining("schema_version 2");
    }
}
