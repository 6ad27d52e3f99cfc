package io.tokenbench.simulations.chains;

import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RequestTimeline;
import io.tokenbench.simulations.config.Endpoints;
import io.tokenbench.simulations.config.MediaPrice;
import io.tokenbench.simulations.media.MediaRequests;
import io.tokenbench.simulations.media.MediaResponses;
import io.tokenbench.simulations.stream.StepTrace;
import java.net.URI;
import java.util.Arrays;

/**
 * Streamed speech ({@code stream_format: "sse"}): every {@code speech.audio.delta} event is an
 * output event stamped with the read that completed it, so t_first is the first audio chunk (ttfa)
 * and the gaps between chunks go to itl; {@code speech.audio.done} ends the stream (t_done). No
 * done event is {@code stream_truncated}, an error event {@code stream_error_event}, as for chat.
 * Credits: the catalog's per-second price times the seconds of PCM audio received (24 kHz, 16-bit
 * mono).
 */
final class SpeechFlow implements MediaFlow {
    private final URI url;
    private final MediaRequests requests;
    private final MediaPrice price;

    SpeechFlow(URI baseUrl, MediaRequests requests, MediaPrice price) {
        this.url = Endpoints.resolve(baseUrl, "audio/speech");
        this.requests = requests;
        this.price = price;
    }

    @Override
    public void run(
            Exchanges ex, long index, long tSched, java.util.function.Consumer<MediaResult> done) {
        Events events = new Events();
        ex.post(
                "speech",
                url,
                "application/json",
                requests.speech(index),
                "text/event-stream",
                new StepTrace(events::accept),
                t -> {
                    RequestTimeline.Builder b =
                            SimpleMediaFlows.base(EndpointClass.SPEECH, tSched, t)
                                    .outputEvents(Arrays.copyOf(events.audioNanos, events.count))
                                    .outcome(
                                            t.streamOutcome(
                                                    events.count,
                                                    events.doneNanos != RequestTimeline.ABSENT,
                                                    events.error,
                                                    events.malformed))
                                    .microCredits(
                                            price.seconds(
                                                    (double) events.audioBytes
                                                            / MediaRequests
                                                                    .SPEECH_PCM_BYTES_PER_SECOND));
                    if (events.doneNanos != RequestTimeline.ABSENT) {
                        b.done(events.doneNanos);
                    }
                    done.accept(MediaResult.of(b.build(), t.status()));
                });
    }

    /** The events of one stream; event-loop confined. */
    private static final class Events {
        long[] audioNanos = new long[32];
        int count;
        long doneNanos = RequestTimeline.ABSENT;
        long audioBytes;
        boolean error;
        boolean malformed;

        void accept(long nanos, String payload) {
            MediaResponses.SpeechChunk chunk = MediaResponses.speechChunk(payload);
            switch (chunk.kind()) {
                case AUDIO -> {
                    audioBytes += chunk.audioBytes();
                    if (count == audioNanos.length) {
                        audioNanos = Arrays.copyOf(audioNanos, count * 2);
                    }
                    audioNanos[count++] = nanos;
                }
                case DONE -> doneNanos = nanos;
                case ERROR -> error = true;
                case MALFORMED -> malformed = true;
                case OTHER -> {
                    // unknown event types are ignored, as the SDKs do
                }
            }
        }
    }
}
