package io.tokenbench.mock.server;

import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.gate.StaticKeyGate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The static gate, recording every admission request and settlement (test helper). */
final class RecordingGate implements RequestGate {

    final List<AdmissionRequest> admissions = new CopyOnWriteArrayList<>();
    final List<Settlement> settlements = new CopyOnWriteArrayList<>();
    private final RequestGate delegate = new StaticKeyGate(List.of(MockConfig.DEFAULT_API_KEY));

    @Override
    public Admission admit(AdmissionRequest request) {
        admissions.add(request);
        return delegate.admit(request);
    }

    @Override
    public void settle(Settlement settlement) {
        settlements.add(settlement);
    }

    Settlement onlySettlement() {
        if (settlements.size() != 1) {
            throw new AssertionError("expected exactly one settlement, got " + settlements);
        }
        return settlements.get(0);
    }
}
