package io.tokenbench.simulations.chains;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.MediaPrice;
import io.tokenbench.simulations.config.Timeouts;
import io.tokenbench.simulations.load.Pacer;
import io.tokenbench.simulations.media.MediaRequests;
import io.tokenbench.simulations.record.TimelineSink;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What one media-call action needs.
 *
 * @param endpoint which endpoint class (not chat: that is {@link ChatCall})
 * @param baseUrl the target base URL (with or without /v1)
 * @param apiKey sent as {@code Authorization: Bearer}
 * @param requests request bodies
 * @param timeouts per exchange: response headers, idle, total
 * @param videoTimeout a video job not completed and downloaded by then is abandoned
 * @param pacer this class's share of the open-model schedule
 * @param sink where timelines go
 * @param extraHeaders sent with every request (tests use the mock's {@code x-mock-*} overrides)
 * @param pooled share keep-alive connections between users
 * @param price the class model's catalog price ({@link MediaPrice#NONE} when unknown)
 */
public record MediaCallSettings(
        EndpointClass endpoint,
        URI baseUrl,
        ApiKey apiKey,
        MediaRequests requests,
        Timeouts timeouts,
        Duration videoTimeout,
        Pacer pacer,
        TimelineSink sink,
        Map<String, String> extraHeaders,
        boolean pooled,
        MediaPrice price) {
    public MediaCallSettings {
        if (endpoint == EndpointClass.CHAT) {
            throw new IllegalArgumentException("chat calls are ChatCall's");
        }
        extraHeaders = Map.copyOf(extraHeaders);
    }

    /** The exchanges and timeline of this class. */
    MediaFlow flow() {
        return switch (endpoint) {
            case EMBEDDINGS -> SimpleMediaFlows.embeddings(baseUrl, requests, price);
            case IMAGES -> SimpleMediaFlows.images(baseUrl, requests, price);
            case TRANSCRIPTION -> SimpleMediaFlows.transcription(baseUrl, requests, price);
            case SPEECH -> new SpeechFlow(baseUrl, requests, price);
            case VIDEO -> new VideoFlow(baseUrl, requests, videoTimeout, price);
            case CHAT -> throw new IllegalStateException("chat");
        };
    }
}
