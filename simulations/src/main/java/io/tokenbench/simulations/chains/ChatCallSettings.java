package io.tokenbench.simulations.chains;

import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.Price;
import io.tokenbench.simulations.config.Timeouts;
import io.tokenbench.simulations.config.Transport;
import io.tokenbench.simulations.feeders.ChatBodies;
import io.tokenbench.simulations.load.Pacer;
import io.tokenbench.simulations.record.OutputLengths;
import io.tokenbench.simulations.record.TimelineSink;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What one chat-call action needs.
 *
 * @param requestName the name in Gatling's report ({@code chat}); ttft is logged as {@code ttft}
 * @param chatUrl full URL of the endpoint ({@code /v1/chat/completions}, {@code /v1/completions} or
 *     {@code /v1/responses}: the bodies' API)
 * @param apiKey sent as {@code Authorization: Bearer}
 * @param bodies request bodies (stream or not)
 * @param timeouts first token, idle, total
 * @param pacer the open model's schedule; empty for closed models (t_sched = t_send)
 * @param sink where timelines go
 * @param extraHeaders sent with every request (tests use the mock's {@code x-mock-*} overrides)
 * @param pooled share keep-alive connections between users; false: a new connection per request
 * @param price the model's Credit price ({@link Price#NONE} when unknown)
 * @param transport TLS trust, client certificate, proxy, HTTP/2
 * @param outputLengths where successful requests record requested vs received output length
 * @param retries re-sends of a failed request ({@code --retries}; 0: none), see {@link Backoff}
 */
public record ChatCallSettings(
        String requestName,
        URI chatUrl,
        ApiKey apiKey,
        ChatBodies bodies,
        Timeouts timeouts,
        Optional<Pacer> pacer,
        TimelineSink sink,
        Map<String, String> extraHeaders,
        boolean pooled,
        Price price,
        Transport transport,
        OutputLengths outputLengths,
        int retries) {
    public ChatCallSettings {
        extraHeaders = Map.copyOf(extraHeaders);
    }

    /** Without transport settings (plain connections, the JDK's trust) and without retries. */
    public ChatCallSettings(
            String requestName,
            URI chatUrl,
            ApiKey apiKey,
            ChatBodies bodies,
            Timeouts timeouts,
            Optional<Pacer> pacer,
            TimelineSink sink,
            Map<String, String> extraHeaders,
            boolean pooled,
            Price price) {
        this(
                requestName,
                chatUrl,
                apiKey,
                bodies,
                timeouts,
                pacer,
                sink,
                extraHeaders,
                pooled,
                price,
                Transport.DEFAULT,
                new OutputLengths(),
                0);
    }
}
