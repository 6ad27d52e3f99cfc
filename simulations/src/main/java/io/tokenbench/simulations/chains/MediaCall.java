package io.tokenbench.simulations.chains;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.http.engine.HttpEngine;
import io.gatling.http.util.SslContexts;
import scala.Option;

/**
 * The media-call step for Gatling's Java DSL: {@code exec(MediaCall.of(settings))}, one embeddings, images,
 * speech, transcription or video call per virtual user, on the HTTP engine of the simulation's protocol
 * (the same engine and connection pool as {@link ChatCall}).
 */
public final class MediaCall implements io.gatling.javaapi.core.ActionBuilder {
  private final MediaCallSettings settings;

  private MediaCall(MediaCallSettings settings) {
    this.settings = settings;
  }

  public static MediaCall of(MediaCallSettings settings) {
    return new MediaCall(settings);
  }

  @Override
  public ActionBuilder asScala() {
    return new ActionBuilder() {
      @Override
      public Action build(ScenarioContext ctx, Action next) {
        HttpEngine engine = HttpEngineAccess.engine(ctx);
        Option<SslContexts> ssl = HttpEngineAccess.sslFor(engine, settings.baseUrl());
        return new MediaCallAction(settings, next, ctx.coreComponents().statsEngine(), ctx.coreComponents().clock(),
            engine, ssl);
      }
    };
  }
}
