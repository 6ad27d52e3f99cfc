package io.tokenbench.simulations.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenbench.simulations.cli.CommandLines;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The request options of run/sweep/calibrate: headers (literal, from the environment, per lane),
 * body fields and template, output tokens, the API, transport; errors name the option and never
 * show a secret.
 */
class RequestOptionsTest {
    private static final String SECRET = "s3cr3t-value-never-printed";

    private static RunParameters parse(Map<String, String> env, String... options) {
        return CommandLines.parse(Map.of(), env, options);
    }

    @Test
    void headersFromTheCommandLineAndTheEnvironmentReachEveryLaneAndRunJsonShowsOnlyNames() {
        RunParameters p =
                parse(
                        Map.of("GW_SECRET", SECRET),
                        "--header",
                        "x-portkey-provider: openai",
                        "--header-env",
                        "x-portkey-api-key=GW_SECRET");
        Map<String, String> sent = p.request().headers().forLane("streaming", Map.of());
        assertThat(sent)
                .containsEntry("x-portkey-provider", "openai")
                .containsEntry("x-portkey-api-key", SECRET);
        assertThat(p.request().headers().describe())
                .isEqualTo("x-portkey-provider, x-portkey-api-key (from $GW_SECRET)");
        assertThat(p.toString()).doesNotContain(SECRET).contains("x-portkey-api-key");
    }

    @Test
    void sweepAndCalibrateTakeTheRequestOptionsToo() {
        for (String command : new String[] {"sweep", "calibrate"}) {
            RunParameters p =
                    parse(
                            Map.of("K", SECRET),
                            command,
                            "--header",
                            "x-route: a",
                            "--header-env",
                            "x-key=K",
                            "--api",
                            "completions",
                            "--body-field",
                            "seed=1");
            assertThat(p.request().headers().forLane("any", Map.of()))
                    .containsEntry("x-route", "a")
                    .containsEntry("x-key", SECRET);
            assertThat(p.request().api()).isEqualTo(Api.COMPLETIONS);
            assertThat(p.request().body().fieldsJson()).containsEntry("seed", "1");
        }
    }

    @Test
    void aUserHeaderReplacesOneOfTheSameNameCaseInsensitively() {
        RunParameters p = parse(Map.of(), "--header", "authorization: Bearer other");
        assertThat(p.request().headers().forLane("x", Map.of("Authorization", "Bearer mine")))
                .containsExactly(Map.entry("authorization", "Bearer other"));
    }

    @Test
    void laneHeadersGoToTheirLaneOnly() {
        RunParameters p =
                parse(
                        Map.of(),
                        "--scenario",
                        "gateway-overhead",
                        "--upstream-url",
                        "http://127.0.0.1:1",
                        "--header",
                        "gateway@x-route: upstream-a",
                        "--header",
                        "upstream@x-direct: yes",
                        "--header",
                        "x-all: 1");
        assertThat(p.request().headers().forLane("gateway", Map.of()))
                .containsOnlyKeys("x-route", "x-all");
        assertThat(p.request().headers().forLane("upstream", Map.of()))
                .containsOnlyKeys("x-direct", "x-all");
    }

    @Test
    void modelCompareLanesAreNamedAfterTheVariants() {
        RunParameters p =
                parse(
                        Map.of(),
                        "--scenario",
                        "model-compare",
                        "--compare",
                        "MiniMax-M3;gpt-4o-mini",
                        "--header",
                        "gpt-4o-mini@x-provider: openai");
        assertThat(p.request().headers().forLane("gpt-4o-mini", Map.of()))
                .containsKey("x-provider");
        assertThat(p.request().headers().forLane("MiniMax-M3", Map.of())).isEmpty();
    }

    @Test
    void badHeadersFailNamingTheOptionAndNeverTheSecret() {
        assertThatThrownBy(() -> parse(Map.of(), "--header", "no-colon-here"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--header");
        assertThatThrownBy(() -> parse(Map.of(), "--header-env", "x-key=MISSING_VAR"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--header-env")
                .hasMessageContaining("MISSING_VAR");
        assertThatThrownBy(
                        () ->
                                parse(
                                        Map.of("BAD", SECRET + "\r\nx-injected: 1"),
                                        "--header-env",
                                        "x-key=BAD"))
                .hasMessageContaining("--header-env")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> parse(Map.of(), "--header", "upstream@x: 1"))
                .hasMessageContaining("--header")
                .hasMessageContaining("gateway-overhead");
        assertThatThrownBy(
                        () ->
                                parse(
                                        Map.of(),
                                        "--scenario",
                                        "gateway-overhead",
                                        "--upstream-url",
                                        "http://127.0.0.1:1",
                                        "--header",
                                        "gatewy@x: 1"))
                .hasMessageContaining("gatewy")
                .hasMessageContaining("[gateway, upstream]");
        assertThatThrownBy(() -> parse(Map.of(), "--header", "Content-Length: 3"))
                .hasMessageContaining("--header");
    }

    @Test
    void bodyFieldsAreJsonOrStringsOrFilesAndCannotTakeOverOwnedFields(@TempDir Path dir)
            throws Exception {
        Path tools = Files.writeString(dir.resolve("tools.json"), "[{\"type\":\"function\"}]");
        RunParameters p =
                parse(
                        Map.of(),
                        "--body-field",
                        "temperature=0.2",
                        "--body-field",
                        "response_format={\"type\":\"json_object\"}",
                        "--body-field",
                        "user=alice",
                        "--body-field",
                        "tools=@" + tools);
        assertThat(p.request().body().fieldsJson())
                .containsEntry("temperature", "0.2")
                .containsEntry("response_format", "{\"type\":\"json_object\"}")
                .containsEntry("user", "\"alice\"")
                .containsEntry("tools", "[{\"type\":\"function\"}]");
        assertThatThrownBy(() -> parse(Map.of(), "--body-field", "stream=false"))
                .hasMessageContaining("--body-field")
                .hasMessageContaining("--stream");
        assertThatThrownBy(() -> parse(Map.of(), "--body-field", "tools=@" + dir.resolve("no")))
                .hasMessageContaining("--body-field");
        Path template = Files.writeString(dir.resolve("t.json"), "{\"model\":\"x\"}");
        assertThatThrownBy(() -> parse(Map.of(), "--body-template", template.toString()))
                .hasMessageContaining("--body-template")
                .hasMessageContaining("'model'");
        Path notObject = Files.writeString(dir.resolve("a.json"), "[1]");
        assertThatThrownBy(() -> parse(Map.of(), "--body-template", notObject.toString()))
                .hasMessageContaining("--body-template");
    }

    @Test
    void outputTokensReplaceMaxTokensAndExactNeedsThem() {
        RunParameters p =
                parse(Map.of(), "--output-tokens", "uniform(10,20)", "--output-tokens-exact");
        assertThat(p.request().body().outputTokens()).contains(new IntDistribution.Uniform(10, 20));
        assertThat(p.request().body().exactOutput()).isTrue();
        assertThatThrownBy(() -> parse(Map.of(), "--output-tokens", "10", "--max-tokens", "20"))
                .hasMessageContaining("--max-tokens");
        assertThatThrownBy(() -> parse(Map.of(), "--output-tokens-exact"))
                .hasMessageContaining("--output-tokens");
    }

    @Test
    void apiChoosesTheEndpointAndIsCheckedByName() {
        assertThat(parse(Map.of(), "--api", "responses").request().api()).isEqualTo(Api.RESPONSES);
        assertThat(Api.COMPLETIONS.path()).isEqualTo("completions");
        assertThatThrownBy(() -> parse(Map.of(), "--api", "embeddings"))
                .hasMessageContaining("--api");
        assertThatThrownBy(() -> parse(Map.of(), "--scenario", "mixed", "--api", "responses"))
                .hasMessageContaining("--api");
    }

    @Test
    void transportOptionsAndTheProxyEnvironment(@TempDir Path dir) throws Exception {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        RunParameters p =
                parse(
                        Map.of(),
                        "--base-url",
                        "https://gw.example",
                        "--ca-cert",
                        ca.toString(),
                        "--http2");
        assertThat(p.transport().caCert()).contains(ca);
        assertThat(p.transport().http2()).isTrue();
        RunParameters viaEnv =
                parse(
                        Map.of("HTTPS_PROXY", "http://proxy.local:3128", "NO_PROXY", "internal"),
                        "--base-url",
                        "https://gw.example");
        assertThat(viaEnv.transport().proxyFor(URI.create("https://gw.example")))
                .contains(URI.create("http://proxy.local:3128"));
        assertThat(viaEnv.transport().proxyFor(URI.create("https://api.internal")))
                .isEqualTo(Optional.empty());
        assertThat(
                        parse(
                                        Map.of("HTTPS_PROXY", "http://proxy.local:3128"),
                                        "--base-url",
                                        "http://gw.example")
                                .transport()
                                .proxy())
                .isEmpty(); // an http target reads HTTP_PROXY only
        assertThatThrownBy(() -> parse(Map.of(), "--insecure", "--ca-cert", ca.toString()))
                .hasMessageContaining("--insecure");
        assertThatThrownBy(() -> parse(Map.of(), "--client-cert", ca.toString()))
                .hasMessageContaining("--client-key");
        assertThatThrownBy(() -> parse(Map.of(), "--proxy", "socks5://h:1"))
                .hasMessageContaining("--proxy");
        assertThatThrownBy(() -> parse(Map.of(), "--ca-cert", dir.resolve("none").toString()))
                .hasMessageContaining("--ca-cert");
    }

    @Test
    void promptSourcesAndTokenizer(@TempDir Path dir) throws Exception {
        Path f =
                Files.writeString(
                        dir.resolve("m.jsonl"), "[{\"role\":\"user\",\"content\":\"hi\"}]\n");
        assertThat(parse(Map.of(), "--prompts", "messages:" + f).prompts())
                .isEqualTo(new PromptSpec.Messages(f));
        assertThat(
                        parse(
                                        Map.of(),
                                        "--prompts",
                                        "synthetic",
                                        "--prefix-tokens",
                                        "100",
                                        "--prefix-share",
                                        "0.5",
                                        "--tokenizer",
                                        "cl100k_base")
                                .prompts())
                .isEqualTo(
                        new PromptSpec.Synthetic(
                                new IntDistribution.Uniform(64, 512), 100, 0.5, "cl100k_base"));
        assertThatThrownBy(() -> parse(Map.of(), "--prefix-tokens", "10"))
                .hasMessageContaining("--prefix-tokens");
        assertThatThrownBy(
                        () ->
                                parse(
                                        Map.of(),
                                        "--prompts",
                                        "synthetic",
                                        "--tokenizer",
                                        "tokenizer.json"))
                .hasMessageContaining("--tokenizer")
                .hasMessageContaining("native");
        assertThatThrownBy(() -> parse(Map.of(), "--prompts", "synthetic", "--prefix-share", "1.5"))
                .hasMessageContaining("--prefix-share");
    }
}
