package io.tokenbench.mock.server;

import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import java.util.Map;

/** A test gate: admits everything; every response carries {@code headers}, in their order. */
record HeaderGate(Map<String, String> headers) implements RequestGate {

    @Override
    public Admission admit(AdmissionRequest request) {
        return new Admission.Admitted("k1", "styled", 1234, 100);
    }

    @Override
    public void settle(Settlement settlement) {}

    @Override
    public Map<String, String> responseHeaders(String requestId) {
        return headers;
    }
}
