package io.tokenbench.simulations.chains;

import io.gatling.http.client.proxy.HttpProxyServer;
import io.gatling.http.client.proxy.ProxyServer;
import io.gatling.http.util.SslContexts;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.tokenbench.simulations.config.Transport;
import java.net.URI;
import java.net.UnknownHostException;
import scala.Option;

/**
 * The connection settings of a {@link Transport} in Gatling's HTTP client's terms: SSL contexts
 * (the trusted CAs, or trust-all with {@code --insecure}, a client certificate, ALPN for HTTP/2)
 * and the proxy. With default settings the engine's own contexts are used (Gatling's configuration,
 * the JDK's trust store).
 */
final class Connections {
    private Connections() {}

    /** SSL contexts for {@code target}: none for http, custom ones when the transport asks. */
    static Option<SslContexts> ssl(URI target, Transport transport) {
        if (!target.getScheme().equals("https")) {
            return Option.empty();
        }
        try {
            SslContextBuilder b = SslContextBuilder.forClient();
            if (transport.insecure()) {
                b.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (transport.caCert().isPresent()) {
                b.trustManager(transport.caCert().get().toFile());
            }
            if (transport.clientCert().isPresent()) {
                b.keyManager(
                        transport.clientCert().get().toFile(),
                        transport.clientKey().orElseThrow().toFile());
            }
            Option<ApplicationProtocolConfig> alpn =
                    transport.http2()
                            ? Option.apply(
                                    new ApplicationProtocolConfig(
                                            ApplicationProtocolConfig.Protocol.ALPN,
                                            ApplicationProtocolConfig.SelectorFailureBehavior
                                                    .NO_ADVERTISE,
                                            ApplicationProtocolConfig
                                                    .SelectedListenerFailureBehavior.ACCEPT,
                                            ApplicationProtocolNames.HTTP_2,
                                            ApplicationProtocolNames.HTTP_1_1))
                            : Option.empty();
            return Option.apply(new SslContexts(b, alpn));
        } catch (IllegalArgumentException e) {
            // bad PEM: the message names the file, never key material
            throw new IllegalArgumentException(
                    "--ca-cert/--client-cert/--client-key: cannot load: " + e.getMessage(), e);
        }
    }

    /** Gatling's proxy for {@code target}, or null for a direct connection. */
    static ProxyServer proxy(URI target, Transport transport) {
        return transport
                .proxyFor(target)
                .map(
                        p -> {
                            try {
                                return (ProxyServer)
                                        new HttpProxyServer(
                                                p.getHost(),
                                                p.getPort(),
                                                null,
                                                false,
                                                new DefaultHttpHeaders());
                            } catch (UnknownHostException e) {
                                throw new IllegalArgumentException(
                                        "--proxy: unknown host " + p.getHost(), e);
                            }
                        })
                .orElse(null);
    }
}
