package io.tokenbench.mock.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeySecretsTest {

    @Test
    void secretsAreSkPlus48Alphanumerics() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String secret = KeySecrets.generate(random);
            assertThat(secret).matches("sk-[0-9A-Za-z]{48}");
            seen.add(secret);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void hashIsSha256Hex() {
        // FIPS 180-2 test vector for "abc".
        assertThat(KeySecrets.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void maskShowsFirstFourAndLastFour() {
        assertThat(KeySecrets.mask("sk-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOP"))
                .isEqualTo("sk-a**********MNOP");
        assertThat(KeySecrets.mask("short")).isEqualTo("**********");
    }
}
