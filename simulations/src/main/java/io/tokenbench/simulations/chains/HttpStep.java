package io.tokenbench.simulations.chains;

import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.http.engine.HttpEngine;
import io.gatling.http.protocol.HttpComponents;
import io.gatling.http.protocol.HttpProtocol$;
import io.gatling.http.util.SslContexts;
import io.tokenbench.simulations.config.Transport;
import java.net.URI;
import scala.Option;

/**
 * A step for Gatling's Java DSL ({@code exec(step)}) that builds one of our actions on the HTTP
 * engine (and so the connection pool) of the scenario's HTTP protocol: {@link ChatCall} and {@link
 * MediaCall} are two.
 */
public final class HttpStep implements io.gatling.javaapi.core.ActionBuilder {

    /**
     * Builds the action once Gatling hands over the scenario, the next action and the protocol's
     * engine.
     */
    @FunctionalInterface
    interface ActionFactory {
        Action build(ScenarioContext ctx, Action next, HttpEngine engine);
    }

    private final ActionFactory factory;

    HttpStep(ActionFactory factory) {
        this.factory = factory;
    }

    @Override
    public ActionBuilder asScala() {
        return new ActionBuilder() {
            @Override
            public Action build(ScenarioContext ctx, Action next) {
                HttpComponents http =
                        ctx.protocolComponentsRegistry()
                                .components(HttpProtocol$.MODULE$.HttpProtocolKey());
                return factory.build(ctx, next, http.httpEngine());
            }
        };
    }

    /**
     * Fresh SSL contexts verifying the server with the JDK's trust store when {@code target} is
     * https, else none ({@link Connections#ssl}).
     */
    static Option<SslContexts> sslFor(HttpEngine engine, URI target) {
        return Connections.ssl(target, Transport.DEFAULT);
    }
}
