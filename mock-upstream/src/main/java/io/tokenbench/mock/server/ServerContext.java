package io.tokenbench.mock.server;

import io.tokenbench.mock.admin.ConfigRoutes;
import io.tokenbench.mock.admin.RuntimeSettings;
import io.tokenbench.mock.behavior.RequestSeed;
import io.tokenbench.mock.endpoints.MediaRoutes;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.gate.StaticKeyGate;
import io.tokenbench.mock.media.MediaContext;
import io.tokenbench.mock.metrics.CountingGate;
import io.tokenbench.mock.metrics.MetricsRoutes;
import io.tokenbench.mock.metrics.MockCollector;
import io.tokenbench.mock.metrics.ResponseCounts;
import io.tokenbench.mock.openai.ChatBodyReader;
import io.tokenbench.mock.openai.IdSource;
import io.tokenbench.mock.requestlog.RequestLog;
import io.tokenbench.mock.requestlog.RequestLogRoutes;
import io.tokenbench.mock.routing.RouteGroup;
import io.tokenbench.mock.stats.ServerStats;
import io.tokenbench.mock.stats.StatsRoutes;
import io.tokenbench.mock.stream.SchedulingLag;
import io.tokenbench.mock.stream.StreamTiming;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * State shared by all channels of one server: configuration, gate, runtime settings, statistics,
 * the request counter and the route groups. Thread-safe.
 */
final class ServerContext {

    final MockConfig config;
    final RequestGate gate;
    final RuntimeSettings settings;
    final ServerStats stats = new ServerStats();
    final SchedulingLag lag = new SchedulingLag();
    final ChatBodyReader chatReader = new ChatBodyReader();
    final RequestLog requestLog = new RequestLog();
    final TextEndpoints textEndpoints;
    final List<RouteGroup> routeGroups;

    /** Responses by route and status, for {@code GET /metrics}. */
    final ResponseCounts responses;

    private final AtomicLong requestNumbers = new AtomicLong();
    private final byte[] adminToken;

    ServerContext(MockConfig config) {
        this.config = config;
        CountingGate counting =
                new CountingGate(
                        config.gate().orElseGet(() -> new StaticKeyGate(config.apiKeys())));
        this.gate = counting;
        this.settings = new RuntimeSettings(config.behavior(), config.faults());
        List<RouteGroup> groups = new ArrayList<>(config.routeGroups());
        groups.add(new ConfigRoutes(settings));
        groups.add(new StatsRoutes(stats, lag));
        groups.add(new RequestLogRoutes(requestLog));
        groups.addAll(
                MediaRoutes.all(
                        new MediaContext(
                                gate,
                                config.catalog(),
                                config.seed(),
                                config.clock(),
                                settings,
                                stats)));
        List<String> routes =
                new ArrayList<>(List.of(ChatCompletions.ENDPOINT, ModelsEndpoint.LIST));
        groups.forEach(g -> routes.add(g.pathPrefix()));
        routes.add(MetricsRoutes.PATH);
        this.responses = new ResponseCounts(routes);
        groups.add(new MetricsRoutes(new MockCollector(stats, lag, responses, counting)));
        this.routeGroups = List.copyOf(groups);
        this.adminToken = config.adminToken().getBytes(StandardCharsets.UTF_8);
        this.textEndpoints = new TextEndpoints(this);
    }

    /** The next request number (1, 2, ...), part of each request's seed. */
    long nextRequestNumber() {
        return requestNumbers.incrementAndGet();
    }

    /** The id stream of request {@code number}. */
    IdSource ids(long number) {
        return new IdSource(RequestSeed.mix(config.seed() ^ RequestSeed.mix(number)));
    }

    /** Timing for streams started now (the slowdown in force, in-flight gauge, lag histogram). */
    StreamTiming timing() {
        return new StreamTiming(
                settings.current().behavior().slowdown(),
                stats::inFlight,
                lag,
                stats::backPressurePause);
    }

    /** Constant-time comparison with the admin token. */
    boolean isAdminToken(String bearerToken) {
        return bearerToken != null
                && MessageDigest.isEqual(adminToken, bearerToken.getBytes(StandardCharsets.UTF_8));
    }
}
