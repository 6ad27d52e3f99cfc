package io.tokenbench.mock.stats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.behavior.Fault;
import io.tokenbench.mock.gate.Settlement;
import io.tokenbench.mock.routing.MountedRouteGroup;
import io.tokenbench.mock.routing.RouteRequest;
import io.tokenbench.mock.routing.RouteResponse;
import io.tokenbench.mock.stream.SchedulingLag;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * {@code GET /admin/stats}: counters, gauges and the scheduling-lag histogram (microseconds) since
 * start or the last reset; {@code DELETE /admin/stats}: reset counters and the histogram.
 */
public final class StatsRoutes extends MountedRouteGroup {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double NANOS_PER_MICRO = 1_000.0;

    /**
     * Resolved when the routes are built at start: the first {@code getOperatingSystemMXBean()}
     * call loads the JMX classes (about 30 ms, more with a busy or reniced JIT), which on the event
     * loop stalled every stream due meanwhile, right after a {@code DELETE} had reset the lag
     * histogram.
     */
    private static final java.lang.management.OperatingSystemMXBean OS =
            ManagementFactory.getOperatingSystemMXBean();

    private final ServerStats stats;
    private final SchedulingLag lag;

    public StatsRoutes(ServerStats stats, SchedulingLag lag) {
        super("/admin/stats", Access.ADMIN_TOKEN);
        this.stats = stats;
        this.lag = lag;
    }

    @Override
    public RouteResponse handle(RouteRequest request) {
        if (!request.path().equals(pathPrefix())) {
            return RouteResponse.error(
                    io.tokenbench.mock.openai.ApiError.invalidUrl(
                            request.method(), request.path()));
        }
        return switch (request.method()) {
            case "GET" -> RouteResponse.json(200, render());
            case "DELETE" -> {
                stats.reset();
                lag.reset();
                yield RouteResponse.json(200, render());
            }
            default -> RouteResponse.methodNotAllowed(request, "GET, DELETE");
        };
    }

    /** CPU time of the whole mock process so far (all threads), or -1 when the JVM cannot tell. */
    private static long processCpuMillis() {
        if (OS instanceof com.sun.management.OperatingSystemMXBean os) {
            long nanos = os.getProcessCpuTime();
            return nanos < 0 ? -1 : nanos / 1_000_000;
        }
        return -1;
    }

    private byte[] render() {
        ObjectNode root = JSON.createObjectNode();
        root.put("transport", stats.transport());
        root.put("requests_received", stats.receivedCount());
        root.put("requests_refused", stats.refusedCount());
        root.put("requests_rejected", stats.rejectedCount());
        root.put("requests_admitted", stats.admittedCount());
        root.put("in_flight", stats.inFlight());
        root.put("open_streams", stats.openStreams());
        root.put("back_pressure_pauses", stats.backPressurePauseCount());
        root.put("request_deadline_exceeded", stats.requestDeadlineExceededCount());
        root.put("process_cpu_ms", processCpuMillis());
        ObjectNode settled = root.putObject("settled");
        for (Settlement.End end : Settlement.End.values()) {
            settled.put(end.name().toLowerCase(Locale.ROOT), stats.settledCount(end));
        }
        ObjectNode faults = root.putObject("faults_injected");
        for (Fault fault : Fault.values()) {
            faults.put(fault.wireName(), stats.faultCount(fault));
        }
        Histogram histogram = lag.snapshot();
        ObjectNode lagNode = root.putObject("scheduling_lag_us");
        lagNode.put("count", histogram.getTotalCount());
        lagNode.put("mean", histogram.getMean() / NANOS_PER_MICRO);
        for (double percentile : new double[] {50, 90, 99, 99.9}) {
            lagNode.put(
                    percentileName(percentile),
                    histogram.getValueAtPercentile(percentile) / NANOS_PER_MICRO);
        }
        lagNode.put("max", histogram.getMaxValue() / NANOS_PER_MICRO);
        Histogram perTick = lag.emissionsPerTickSnapshot();
        ObjectNode perTickNode = root.putObject("emissions_per_tick");
        perTickNode.put("ticks", perTick.getTotalCount());
        perTickNode.put("mean", perTick.getMean());
        for (double percentile : new double[] {50, 99, 99.9}) {
            perTickNode.put(percentileName(percentile), perTick.getValueAtPercentile(percentile));
        }
        perTickNode.put("max", perTick.getMaxValue());
        Histogram lastLag = lag.lastLagPerTickSnapshot();
        ObjectNode lastLagNode = root.putObject("tick_last_lag_us");
        for (double percentile : new double[] {50, 99, 99.9}) {
            lastLagNode.put(
                    percentileName(percentile),
                    lastLag.getValueAtPercentile(percentile) / NANOS_PER_MICRO);
        }
        lastLagNode.put("max", lastLag.getMaxValue() / NANOS_PER_MICRO);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render stats", e);
        }
    }

    /** {@code p50}, {@code p99}, {@code p99_9}. */
    private static String percentileName(double percentile) {
        return "p" + (percentile == 99.9 ? "99_9" : String.valueOf((int) percentile));
    }
}
