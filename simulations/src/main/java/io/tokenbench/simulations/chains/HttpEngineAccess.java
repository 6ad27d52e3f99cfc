package io.tokenbench.simulations.chains;

import io.gatling.core.structure.ScenarioContext;
import io.gatling.http.engine.HttpEngine;
import io.gatling.http.protocol.HttpComponents;
import io.gatling.http.protocol.HttpProtocol$;
import io.gatling.http.util.SslContexts;
import java.net.URI;
import scala.Option;

/** What our Gatling actions take from the simulation's HTTP protocol: its engine, and TLS for https targets. */
final class HttpEngineAccess {

  private HttpEngineAccess() {
  }

  /** The HTTP engine (and so the connection pool) of the scenario's HTTP protocol. */
  static HttpEngine engine(ScenarioContext ctx) {
    HttpComponents http = (HttpComponents) ctx.protocolComponentsRegistry()
        .components(HttpProtocol$.MODULE$.HttpProtocolKey());
    return http.httpEngine();
  }

  /** Fresh SSL contexts when {@code target} is https, else none. */
  static Option<SslContexts> sslFor(HttpEngine engine, URI target) {
    return target.getScheme().equals("https") ? Option.apply(engine.newSslContexts(false, Option.empty()))
        : Option.empty();
  }
}
