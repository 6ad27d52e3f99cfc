package io.tokenbench.mock.enforcement;

import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.StaticKeyGate;
import java.util.Map;
import java.util.Objects;

/**
 * The command-line mock's gate: the unlimited static keys ({@code --api-key*}, or the local default
 * key) are admitted first, so load tests never touch the ledger; every other token goes to the
 * PowerTokens gate, which knows the keys made with {@code POST /admin/keys} and renders rejections
 * in the configured error style. Settlements go back to the gate that admitted them. Thread-safe
 * and non-blocking, as both gates are.
 */
public final class StaticKeysFirstGate implements RequestGate {

    private final StaticKeyGate staticKeys;
    private final RequestGate platform;

    public StaticKeysFirstGate(StaticKeyGate staticKeys, RequestGate platform) {
        this.staticKeys = Objects.requireNonNull(staticKeys, "staticKeys");
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    @Override
    public Admission admit(AdmissionRequest request) {
        Admission admission = staticKeys.admit(request);
        return admission instanceof Admission.Admitted ? admission : platform.admit(request);
    }

    @Override
    public void settle(Settlement settlement) {
        if (staticKeys.owns(settlement.admitted().keyId())) {
            staticKeys.settle(settlement);
        } else {
            platform.settle(settlement);
        }
    }

    @Override
    public Map<String, String> responseHeaders(String requestId) {
        return platform.responseHeaders(requestId);
    }
}
