package io.tokenbench.simulations.chains;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.http.engine.HttpEngine;
import io.gatling.http.util.SslContexts;
import io.gatling.http.client.resolver.InetAddressNameResolver;
import scala.Option;

/**
 * The chat-call step for Gatling's Java DSL: {@code exec(ChatCall.of(settings))}. Builds a
 * {@link ChatCallAction} on the HTTP engine of the simulation's HTTP protocol (configure
 * {@code http.shareConnections()} on the protocol for pooled-client behaviour).
 */
public final class ChatCall implements io.gatling.javaapi.core.ActionBuilder {
  private final ChatCallSettings settings;

  private ChatCall(ChatCallSettings settings) {
    this.settings = settings;
  }

  public static ChatCall of(ChatCallSettings settings) {
    return new ChatCall(settings);
  }

  @Override
  public ActionBuilder asScala() {
    return new ActionBuilder() {
      @Override
      public Action build(ScenarioContext ctx, Action next) {
        HttpEngine engine = HttpEngineAccess.engine(ctx);
        Option<SslContexts> ssl = HttpEngineAccess.sslFor(engine, settings.chatUrl());
        InetAddressNameResolver resolver = InetAddressNameResolver.JAVA_RESOLVER;
        return new ChatCallAction(settings, next, ctx.coreComponents().statsEngine(), ctx.coreComponents().clock(),
            engine, resolver, ssl);
      }
    };
  }
}
