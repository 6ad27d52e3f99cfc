package io.tokenbench.mock.audio;

import io.tokenbench.mock.admin.RouteGroup;
import io.tokenbench.mock.admin.RouteRequest;
import io.tokenbench.mock.admin.RouteResponse;
import io.tokenbench.mock.media.BilledCall;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.openai.ApiError;
import io.tokenbench.mock.openai.ApiErrorException;

/** The {@code /v1/audio} route group: speech and transcriptions, POST only. */
public final class AudioRoutes implements RouteGroup {

    private final MediaContext context;
    private final SpeechRoutes speech;
    private final TranscriptionRoutes transcriptions;

    public AudioRoutes(MediaContext context) {
        this.context = context;
        this.speech = new SpeechRoutes(context);
        this.transcriptions = new TranscriptionRoutes(context);
    }

    @Override
    public String pathPrefix() {
        return "/v1/audio";
    }

    @Override
    public Access access() {
        return Access.PUBLIC;
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        boolean speaking = request.path().equals(SpeechRoutes.ENDPOINT);
        boolean known = speaking || request.path().equals(TranscriptionRoutes.ENDPOINT);
        return BilledCall.guarded(context, () -> {
            if (!known) {
                throw new ApiErrorException(ApiError.invalidUrl(request.method(), request.path()));
            }
            BilledCall.requireMethod(request, "POST");
            return speaking ? speech.handle(request) : transcriptions.handle(request);
        });
    }
}
