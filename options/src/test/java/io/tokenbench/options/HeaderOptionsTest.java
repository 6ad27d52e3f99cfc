package io.tokenbench.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderOptionsTest {
    private static final String SECRET = "hdr-secret-7f31";

    @Test
    void literalHeadersComeFirstAndALaterNameReplacesAnEarlierOneIgnoringCase() {
        Map<String, String> headers =
                HeaderOptions.resolveWithoutLanes(
                        List.of("X-Route: a", "x-portkey-provider: openai", "x-route: b"),
                        List.of("X-Portkey-Provider=P"),
                        Map.of("P", " anthropic "),
                        "bench");
        assertThat(headers)
                .containsExactly(
                        Map.entry("x-route", "b"), Map.entry("X-Portkey-Provider", "anthropic"));
    }

    @Test
    void aLanePrefixIsAnErrorForACommandWithoutLanes() {
        assertThatThrownBy(
                        () ->
                                HeaderOptions.resolveWithoutLanes(
                                        List.of("gateway@x-route: a"),
                                        List.of(),
                                        Map.of(),
                                        "bench"))
                .hasMessage("--header: bench has no lanes; drop the prefix 'gateway@'");
        assertThatThrownBy(
                        () ->
                                HeaderOptions.resolveWithoutLanes(
                                        List.of(),
                                        List.of("upstream@x-key=K"),
                                        Map.of("K", SECRET),
                                        "keys verify"))
                .hasMessageStartingWith("--header-env: keys verify has no lanes")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void lanePrefixesAreKeptWhereLanesExist() {
        List<HeaderSpec> specs =
                HeaderOptions.parse(
                        List.of("gateway@x-route: a"), List.of("x-key=K"), Map.of("K", SECRET));
        assertThat(specs).extracting(HeaderSpec::name).containsExactly("x-route", "x-key");
        assertThat(specs.get(0).appliesTo("gateway")).isTrue();
        assertThat(specs.get(0).appliesTo("upstream")).isFalse();
        assertThat(HeaderOptions.optionOf(specs.get(1))).isEqualTo("--header-env");
        assertThat(specs.get(1).value().toString()).doesNotContain(SECRET).contains("$K");
        assertThat(specs.get(1).describe()).isEqualTo("x-key (from $K)");
    }

    @Test
    void errorsNameTheOptionAndNeverTheSecret() {
        assertThatThrownBy(() -> HeaderOptions.parse(List.of("no colon here"), List.of(), Map.of()))
                .hasMessageStartingWith("--header: ");
        assertThatThrownBy(() -> HeaderOptions.parse(List.of("Host: evil"), List.of(), Map.of()))
                .hasMessage("--header: Host is set by the HTTP client and cannot be overridden");
        assertThatThrownBy(
                        () -> HeaderOptions.parse(List.of(), List.of("x-key=UNSET_VAR"), Map.of()))
                .hasMessageStartingWith("--header-env: ")
                .hasMessageContaining("UNSET_VAR");
        assertThatThrownBy(
                        () ->
                                HeaderOptions.parse(
                                        List.of(),
                                        List.of("x-key=K"),
                                        Map.of("K", SECRET + "\r\nX: y")))
                .hasMessageStartingWith("--header-env: ")
                .hasMessageContaining("line break")
                .hasMessageNotContaining(SECRET);
    }
}
