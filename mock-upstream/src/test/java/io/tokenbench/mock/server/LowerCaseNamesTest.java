package io.tokenbench.mock.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.AsciiString;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The table lookup lower-cases header names exactly as String.toLowerCase(Locale.ROOT) does. */
class LowerCaseNamesTest {

    @Property(tries = 2000)
    void sameAsToLowerCase(@ForAll("names") String name) {
        assertThat(LowerCaseNames.of(new AsciiString(name)))
                .isEqualTo(name.toLowerCase(Locale.ROOT));
        assertThat(LowerCaseNames.of(name)).isEqualTo(name.toLowerCase(Locale.ROOT));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> known =
                Arbitraries.of(
                                "Host",
                                "content-type",
                                "Content-Length",
                                "AUTHORIZATION",
                                "X-Stainless-Retry-Count",
                                "x-mock-ttft-ms",
                                "X-Mock-Fault",
                                "User-Agent")
                        .flatMap(
                                n ->
                                        Arbitraries.integers()
                                                .between(0, n.length())
                                                .map(i -> mixCase(n, i)));
        Arbitrary<String> near =
                known.map(
                        n ->
                                n.substring(0, n.length() - 1)
                                        + (char) (n.charAt(n.length() - 1) + 1));
        Arbitrary<String> any =
                Arbitraries.strings().withChars("abcxyzHOST-_ÀÉéz0").ofMinLength(1).ofMaxLength(24);
        return Arbitraries.oneOf(known, near, any, known.map(n -> n + "x"));
    }

    private static String mixCase(String name, int seed) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.append(((seed >> (i % 5)) & 1) == 1 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }
}
