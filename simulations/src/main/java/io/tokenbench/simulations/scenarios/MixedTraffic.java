package io.tokenbench.simulations.scenarios;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.simulations.config.MediaPrice;
import io.tokenbench.simulations.load.Pacer;
import io.tokenbench.simulations.media.MediaRequests;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The mixed scenario's traffic within its one lane: a {@link Pacer} per endpoint class over that
 * class's share of the one schedule (all on the run's anchor), the media request bodies and the
 * media models' prices.
 */
public record MixedTraffic(
        Map<EndpointClass, Pacer> pacers,
        MediaRequests requests,
        Map<EndpointClass, MediaPrice> prices) {
    public MixedTraffic {
        pacers = Collections.unmodifiableMap(new EnumMap<>(pacers));
        prices = prices.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(prices));
    }

    /** The catalog price of a media class's model ({@link MediaPrice#NONE} when unknown). */
    public MediaPrice price(EndpointClass endpoint) {
        return prices.getOrDefault(endpoint, MediaPrice.NONE);
    }
}
