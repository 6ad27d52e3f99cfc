package io.tokenbench.simulations.chains;

/**
 * The media-call step for Gatling's Java DSL: {@code exec(MediaCall.of(settings))}, one embeddings,
 * images, speech, transcription or video call per virtual user, on the HTTP engine of the
 * simulation's protocol (the same engine and connection pool as {@link ChatCall}).
 */
public final class MediaCall {

    private MediaCall() {}

    public static HttpStep of(MediaCallSettings settings) {
        return new HttpStep(
                (ctx, next, engine) ->
                        new MediaCallAction(
                                settings,
                                next,
                                ctx.coreComponents().statsEngine(),
                                ctx.coreComponents().clock(),
                                engine,
                                HttpStep.sslFor(engine, settings.baseUrl())));
    }
}
