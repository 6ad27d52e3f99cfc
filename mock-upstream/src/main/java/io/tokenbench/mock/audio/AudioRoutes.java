package io.tokenbench.mock.audio;

import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;

/** The {@code /v1/audio} route group: speech and transcriptions, POST only. */
public final class AudioRoutes extends MountedRouteGroup {

    private final MediaContext context;
    private final SpeechRoutes speech;
    private final TranscriptionRoutes transcriptions;

    public AudioRoutes(MediaContext context) {
        super("/v1/audio", Access.PUBLIC);
        this.context = context;
        this.speech = new SpeechRoutes(context);
        this.transcriptions = new TranscriptionRoutes(context);
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        boolean speaking = request.path().equals(SpeechRoutes.ENDPOINT);
        boolean known = speaking || request.path().equals(TranscriptionRoutes.ENDPOINT);
        return BilledCall.guarded(
                context,
                () -> {
                    if (!known) {
                        throw new ApiErrorException(
                                ApiError.invalidUrl(request.method(), request.path()));
                    }
                    BilledCall.requireMethod(request, "POST");
                    return speaking ? speech.handle(request) : transcriptions.handle(request);
                });
    }
}
