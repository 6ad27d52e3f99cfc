package io.tokenbench.mock.server;

import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.FaultSettings;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.gate.RequestGate;
import io.tokenbench.mock.routing.RouteGroup;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a mock server is started with. Immutable; {@link #defaults()} is the one home of the
 * defaults and {@code withX(...)} return changed copies. The compact constructor validates.
 *
 * @param host the address to bind
 * @param port the port (0 picks a free one)
 * @param apiKeys keys accepted by the default gate (ignored when {@link #gate()} is set); never
 *     printed
 * @param adminToken Bearer token of the admin API
 * @param seed the seed of every random draw
 * @param behavior the initial behaviour model (changeable through {@code PUT /admin/config})
 * @param faults the initial random faults
 * @param catalog the model catalog
 * @param maxBodyBytes largest request body; larger gets 413
 * @param maxHeaderBytes largest header block; larger gets 431
 * @param shutdownGrace how long {@code close()} lets requests in flight finish before cutting them
 * @param clientIdleTimeout a connection with no request in progress and nothing read for this long
 *     is closed
 * @param ioThreads event loop threads
 * @param gate the request gate; empty means a {@code StaticKeyGate} over {@link #apiKeys()}
 * @param clock wall clock for {@code created} and other wall-clock fields
 * @param routeGroups extra route groups (see {@code io.tokenbench.mock.routing})
 * @param requestDeadline a request whose head and body have not fully arrived this long after its
 *     first byte is refused (408, or the connection closed once a response started) and counted
 * @param transport the Netty transport ({@link Transport#AUTO}: the first available of {@link
 *     Transport#AUTO_ORDER}); a forced one that is unavailable makes {@code start} fail
 */
public record MockConfig(
        String host,
        int port,
        List<String> apiKeys,
        String adminToken,
        long seed,
        Behavior behavior,
        FaultSettings faults,
        ModelCatalog catalog,
        int maxBodyBytes,
        int maxHeaderBytes,
        Duration shutdownGrace,
        Duration clientIdleTimeout,
        int ioThreads,
        Optional<RequestGate> gate,
        InstantSource clock,
        List<RouteGroup> routeGroups,
        Duration requestDeadline,
        Transport transport) {

    /** The key that works when no key is configured; the only key the mock ever prints. */
    public static final String DEFAULT_API_KEY = "sk-tokenbench-local";

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_MAX_BODY_BYTES = 25 * 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CLIENT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_REQUEST_DEADLINE = Duration.ofSeconds(30);

    public MockConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535]: " + port);
        }
        apiKeys = List.copyOf(apiKeys);
        if (apiKeys.isEmpty() || apiKeys.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("apiKeys must be non-empty and hold no blank key");
        }
        Objects.requireNonNull(adminToken, "adminToken");
        if (adminToken.isBlank()) {
            throw new IllegalArgumentException("adminToken must not be blank");
        }
        Objects.requireNonNull(behavior, "behavior");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(catalog, "catalog");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 1: " + maxBodyBytes);
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be >= 1024: " + maxHeaderBytes);
        }
        requirePositive(shutdownGrace, "shutdownGrace", true);
        requirePositive(clientIdleTimeout, "clientIdleTimeout", false);
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be >= 1: " + ioThreads);
        }
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(clock, "clock");
        routeGroups = List.copyOf(routeGroups);
        requirePositive(requestDeadline, "requestDeadline", false);
        Objects.requireNonNull(transport, "transport");
    }

    /**
     * The defaults: loopback:8080, key {@value #DEFAULT_API_KEY}, a fresh random admin token, seed
     * 42.
     */
    public static MockConfig defaults() {
        return new MockConfig(
                "127.0.0.1",
                DEFAULT_PORT,
                List.of(DEFAULT_API_KEY),
                randomAdminToken(),
                DEFAULT_SEED,
                Behavior.DEFAULT,
                FaultSettings.NONE,
                ModelCatalog.defaults(),
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_SHUTDOWN_GRACE,
                DEFAULT_CLIENT_IDLE_TIMEOUT,
                Runtime.getRuntime().availableProcessors(),
                Optional.empty(),
                InstantSource.system(),
                List.of(),
                DEFAULT_REQUEST_DEADLINE,
                transportFromProperty());
    }

    /**
     * The system property {@value #TRANSPORT_PROPERTY} (io_uring, epoll, nio, auto) read by {@link
     * #defaults()}: lets the test suite run once per transport.
     */
    public static final String TRANSPORT_PROPERTY = "tokenbench.mock.transport";

    private static Transport transportFromProperty() {
        String value = System.getProperty(TRANSPORT_PROPERTY);
        if (value == null || value.isBlank()) {
            return Transport.AUTO;
        }
        try {
            return Transport.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "system property " + TRANSPORT_PROPERTY + ": " + e.getMessage(), e);
        }
    }

    /** A 32-hex-digit token from a secure random source. */
    public static String randomAdminToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "adm-" + HexFormat.of().formatHex(bytes);
    }

    /** Whether the only accepted key is {@value #DEFAULT_API_KEY} (which may be printed). */
    public boolean usesDefaultApiKey() {
        return gate.isEmpty() && apiKeys.equals(List.of(DEFAULT_API_KEY));
    }

    public MockConfig withHost(String value) {
        return new MockConfig(
                value,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withPort(int value) {
        return new MockConfig(
                host,
                value,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withApiKeys(List<String> value) {
        return new MockConfig(
                host,
                port,
                value,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withAdminToken(String value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                value,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withSeed(long value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                value,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withBehavior(Behavior value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                value,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withFaults(FaultSettings value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                value,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withCatalog(ModelCatalog value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                value,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withMaxBodyBytes(int value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                value,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withMaxHeaderBytes(int value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                value,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withShutdownGrace(Duration value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                value,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withClientIdleTimeout(Duration value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                value,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withIoThreads(int value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                value,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withGate(RequestGate value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                Optional.of(value),
                clock,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withClock(InstantSource value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                value,
                routeGroups,
                requestDeadline,
                transport);
    }

    public MockConfig withRouteGroups(List<RouteGroup> value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                value,
                requestDeadline,
                transport);
    }

    public MockConfig withRequestDeadline(Duration value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                value,
                transport);
    }

    public MockConfig withTransport(Transport value) {
        return new MockConfig(
                host,
                port,
                apiKeys,
                adminToken,
                seed,
                behavior,
                faults,
                catalog,
                maxBodyBytes,
                maxHeaderBytes,
                shutdownGrace,
                clientIdleTimeout,
                ioThreads,
                gate,
                clock,
                routeGroups,
                requestDeadline,
                value);
    }

    /** Never prints keys or the admin token. */
    @Override
    public String toString() {
        return "MockConfig[host="
                + host
                + ", port="
                + port
                + ", apiKeys="
                + apiKeys.size()
                + " key(s), seed="
                + seed
                + ", behavior="
                + behavior
                + ", faults="
                + faults
                + ", models="
                + catalog.models().size()
                + ", maxBodyBytes="
                + maxBodyBytes
                + ", maxHeaderBytes="
                + maxHeaderBytes
                + ", shutdownGrace="
                + shutdownGrace
                + ", clientIdleTimeout="
                + clientIdleTimeout
                + ", ioThreads="
                + ioThreads
                + ", customGate="
                + gate.isPresent()
                + ", routeGroups="
                + routeGroups.size()
                + ", requestDeadline="
                + requestDeadline
                + ", transport="
                + transport.wireName()
                + "]";
    }

    private static void requirePositive(Duration value, String name, boolean zeroAllowed) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new IllegalArgumentException(
                    name + " must be " + (zeroAllowed ? ">= 0" : "> 0") + ": " + value);
        }
    }
}
