package io.tokenbench.simulations.scenarios;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.simulations.load.Pacer;
import io.tokenbench.simulations.media.MediaRequests;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The mixed scenario's traffic within its one lane: a {@link Pacer} per endpoint class over that class's
 * share of the one schedule (all on the run's anchor), and the media request bodies.
 */
public record MixedTraffic(Map<EndpointClass, Pacer> pacers, MediaRequests requests) {
  public MixedTraffic {
    pacers = Collections.unmodifiableMap(new EnumMap<>(pacers));
  }
}
