package io.tokenbench.mock.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The static gate admits each configured key as itself and rejects everything else, also after a
 * key was admitted and remembered (the last admitted key skips the hash; a token that differs from
 * it in one character, or only in length, must still be hashed and refused).
 */
class StaticKeyGateTest {

    private static final String KEY_A = "sk-load-aaaaaaaaaaaaaaaa";
    private static final String KEY_B = "sk-load-bbbbbbbbbbbbbbbb";

    private final StaticKeyGate gate = new StaticKeyGate(List.of(KEY_A, KEY_B));

    @Test
    void eachKeyIsAdmittedAsItselfWhateverWasAdmittedBefore() {
        String idA = keyId(gate.admit(request(KEY_A)));
        String idB = keyId(gate.admit(request(KEY_B)));
        assertThat(idA).isEqualTo("key-" + StaticKeyGate.hash(KEY_A).substring(0, 12));
        assertThat(idB).isEqualTo("key-" + StaticKeyGate.hash(KEY_B).substring(0, 12));
        assertThat(keyId(gate.admit(request(KEY_A)))).isEqualTo(idA);
        assertThat(keyId(gate.admit(request(KEY_A)))).isEqualTo(idA);
        assertThat(keyId(gate.admit(request(KEY_B)))).isEqualTo(idB);
        assertThat(keyId(gate.admit(request(new String(KEY_B.toCharArray()))))).isEqualTo(idB);
    }

    @Test
    void nearMissesOfTheRememberedKeyAreRefused() {
        assertThat(gate.admit(request(KEY_A))).isInstanceOf(Admission.Admitted.class);
        for (String token :
                List.of(
                        KEY_A.substring(0, KEY_A.length() - 1) + "b",
                        "x" + KEY_A.substring(1),
                        KEY_A + "a",
                        KEY_A.substring(0, KEY_A.length() - 1),
                        KEY_A.toUpperCase(java.util.Locale.ROOT))) {
            Admission admission = gate.admit(request(token));
            assertThat(admission).as(token).isInstanceOf(Admission.Rejected.class);
            assertThat(((Admission.Rejected) admission).status()).isEqualTo(401);
        }
        assertThat(gate.admit(request(KEY_A))).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void aMissingKeyIsRefusedAfterAnAdmittedOne() {
        gate.admit(request(KEY_A));
        assertThat(gate.admit(request(null))).isInstanceOf(Admission.Rejected.class);
        assertThat(gate.admit(request(""))).isInstanceOf(Admission.Rejected.class);
    }

    private static String keyId(Admission admission) {
        assertThat(admission).isInstanceOf(Admission.Admitted.class);
        return ((Admission.Admitted) admission).keyId();
    }

    private static AdmissionRequest request(String token) {
        return new AdmissionRequest(
                "req-1", token, "/v1/chat/completions", "m", 10, OptionalInt.empty(), false);
    }
}
