package io.tokenbench.simulations.chains;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.simulations.config.Endpoints;
import io.tokenbench.simulations.config.MediaPrice;
import io.tokenbench.simulations.media.MediaRequests;
import io.tokenbench.simulations.media.MediaResponses;
import io.tokenbench.simulations.stream.StepTrace;
import java.net.URI;
import java.util.Optional;

/**
 * The one-exchange media calls: embeddings, image generation and transcription. Each POSTs one body
 * and records send, headers and end of body (e2e = t_done - t_send, as for a non-streamed chat
 * answer); images also count the images of the answer (per-image latency), transcription carries
 * the upload's audio length (real-time factor). A 200 whose body is not what the endpoint promises
 * is a {@code protocol_error}. Credits: the catalog price times prompt tokens (embeddings), images,
 * or the upload's audio seconds.
 */
final class SimpleMediaFlows {
    private SimpleMediaFlows() {}

    static MediaFlow embeddings(URI baseUrl, MediaRequests requests, MediaPrice price) {
        URI url = Endpoints.resolve(baseUrl, "embeddings");
        return (ex, index, tSched, done) ->
                ex.post(
                        "embeddings",
                        url,
                        "application/json",
                        requests.embeddings(index),
                        "application/json",
                        new StepTrace(),
                        t -> {
                            Optional<Long> tokens =
                                    t.completeOk()
                                            ? MediaResponses.embeddings(t.bodyText())
                                            : Optional.empty();
                            done.accept(
                                    MediaResult.of(
                                            base(EndpointClass.EMBEDDINGS, tSched, t)
                                                    .usage(
                                                            tokens.orElse(RequestTimeline.UNKNOWN),
                                                            RequestTimeline.UNKNOWN)
                                                    .microCredits(
                                                            price.tokens(
                                                                    tokens.orElse(
                                                                            RequestTimeline
                                                                                    .UNKNOWN)))
                                                    .outcome(t.outcome(tokens.isPresent()))
                                                    .build(),
                                            t.status()));
                        });
    }

    static MediaFlow images(URI baseUrl, MediaRequests requests, MediaPrice price) {
        URI url = Endpoints.resolve(baseUrl, "images/generations");
        return (ex, index, tSched, done) ->
                ex.post(
                        "images",
                        url,
                        "application/json",
                        requests.images(index),
                        "application/json",
                        new StepTrace(),
                        t -> {
                            Optional<Integer> images =
                                    t.completeOk()
                                            ? MediaResponses.images(t.bodyText())
                                            : Optional.empty();
                            done.accept(
                                    MediaResult.of(
                                            base(EndpointClass.IMAGES, tSched, t)
                                                    .images(images.orElse(0))
                                                    .microCredits(price.images(images.orElse(0)))
                                                    .outcome(t.outcome(images.isPresent()))
                                                    .build(),
                                            t.status()));
                        });
    }

    static MediaFlow transcription(URI baseUrl, MediaRequests requests, MediaPrice price) {
        URI url = Endpoints.resolve(baseUrl, "audio/transcriptions");
        return (ex, index, tSched, done) ->
                ex.post(
                        "transcription",
                        url,
                        requests.upload().contentType(),
                        requests.upload().body(),
                        "application/json",
                        new StepTrace(),
                        t -> {
                            boolean valid =
                                    t.completeOk() && MediaResponses.transcription(t.bodyText());
                            done.accept(
                                    MediaResult.of(
                                            base(EndpointClass.TRANSCRIPTION, tSched, t)
                                                    .audioNanos(requests.uploadAudioNanos())
                                                    .outcome(t.outcome(valid))
                                                    .microCredits(
                                                            valid
                                                                    ? price.seconds(
                                                                            requests
                                                                                            .uploadAudioNanos()
                                                                                    / 1e9)
                                                                    : 0)
                                                    .build(),
                                            t.status()));
                        });
    }

    /** Send, headers, end of body and Retry-After of a one-exchange call. */
    static RequestTimeline.Builder base(EndpointClass endpoint, long tSched, StepTrace t) {
        return RequestTimeline.builder(endpoint)
                .sched(tSched)
                .send(t.sendNanos())
                .headers(t.headersNanos())
                .done(t.endNanos())
                .retryAfterMillis(t.retryAfterMillis())
                .status(t.status());
    }
}
