package io.tokenbench.mock.metrics;

import io.tokenbench.mock.gate.Admission;
import io.tokenbench.mock.gate.AdmissionRequest;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.Settlement;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A {@link RequestGate} that counts the rejections of the gate it wraps by {@link
 * Admission.Rejected#reason()}. After the first rejection of a reason, counting is a map hit and an
 * adder increment (no allocation). Thread-safe.
 */
public final class CountingGate implements RequestGate {

    private final RequestGate gate;
    private final ConcurrentHashMap<String, LongAdder> rejected = new ConcurrentHashMap<>();

    public CountingGate(RequestGate gate) {
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** The gate being counted. */
    public RequestGate counted() {
        return gate;
    }

    @Override
    public Admission admit(AdmissionRequest request) {
        Admission admission = gate.admit(request);
        if (admission instanceof Admission.Rejected r) {
            rejected.computeIfAbsent(r.reason(), reason -> new LongAdder()).increment();
        }
        return admission;
    }

    @Override
    public void settle(Settlement settlement) {
        gate.settle(settlement);
    }

    @Override
    public Map<String, String> responseHeaders(String requestId) {
        return gate.responseHeaders(requestId);
    }

    /** Rejections so far by reason, sorted by reason. */
    public Map<String, Long> rejectedByReason() {
        Map<String, Long> out = new TreeMap<>();
        rejected.forEach((reason, count) -> out.put(reason, count.sum()));
        return out;
    }
}
