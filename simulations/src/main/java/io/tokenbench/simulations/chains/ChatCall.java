package io.tokenbench.simulations.chains;

import io.gatling.http.client.resolver.InetAddressNameResolver;

/**
 * The chat-call step for Gatling's Java DSL: {@code exec(ChatCall.of(settings))}. Builds a {@link
 * ChatCallAction} on the HTTP engine of the simulation's HTTP protocol (configure {@code
 * http.shareConnections()} on the protocol for pooled-client behaviour).
 */
public final class ChatCall {

    private ChatCall() {}

    public static HttpStep of(ChatCallSettings settings) {
        return new HttpStep(
                (ctx, next, engine) ->
                        new ChatCallAction(
                                settings,
                                next,
                                ctx.coreComponents().statsEngine(),
                                ctx.coreComponents().clock(),
                                engine,
                                InetAddressNameResolver.JAVA_RESOLVER,
                                Connections.ssl(settings.chatUrl(), settings.transport())));
    }
}
