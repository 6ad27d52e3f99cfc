package io.tokenbench.simulations.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.enforcement.PowerTokensPlatform;
import io.tokenbench.mock.metrics.CountingGate;
import io.tokenbench.mock.metrics.MockCollector;
import io.tokenbench.mock.metrics.ResponseCounts;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.stats.ServerStats;
import io.tokenbench.mock.stream.SchedulingLag;
import io.tokenbench.reports.record.EndpointClass;
import io.tokenbench.reports.record.RunClock;
import io.tokenbench.reports.record.Window;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/grafana/tokenbench.json is importable as is (parses, asks for its Prometheus data source
 * as an input) and every PromQL expression in it names only series the two expositions produce.
 */
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of("..", "deploy", "grafana", "tokenbench.json");
    private static final Pattern METRIC = Pattern.compile("\\btokenbench_[a-z0-9_]+\\b");

    /** Every series name the injector and the mock expose (with enforcement on). */
    private static Set<String> exposedNames() throws Exception {
        PrometheusRegistry injector = new PrometheusRegistry();
        RunMetrics run =
                new RunMetrics(
                        new InjectorMetrics(injector),
                        "r",
                        "streaming",
                        "0",
                        RunClock.now(),
                        Window.ALL);
        run.scheduled(System.nanoTime(), EndpointClass.CHAT);
        PrometheusRegistry mock = new PrometheusRegistry();
        ResponseCounts responses = new ResponseCounts(List.of("/v1/chat/completions"));
        responses.count(0, 200);
        try (PowerTokensPlatform platform =
                PowerTokensPlatform.open(
                        ModelCatalog.defaults(), EnforcementProfile.DEFAULTS, null)) {
            CountingGate gate = new CountingGate(platform.gate());
            gate.admit(
                    new io.tokenbench.mock.gate.AdmissionRequest(
                            "req-1",
                            "sk-unknown",
                            "/v1/chat/completions",
                            "MiniMax-M3",
                            1,
                            java.util.OptionalInt.of(1),
                            false));
            mock.register(
                    new MockCollector(new ServerStats(), new SchedulingLag(), responses, gate));
            Set<String> names = new TreeSet<>();
            for (PrometheusRegistry r : List.of(injector, mock)) {
                String text =
                        ExpositionFormats.init()
                                .getPrometheusTextFormatWriter()
                                .toDebugString(r.scrape());
                Matcher m = METRIC.matcher(text);
                while (m.find()) {
                    names.add(m.group());
                }
            }
            return names;
        }
    }

    private static List<String> expressions(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.findValues("expr").forEach(e -> out.add(e.asText()));
        return out;
    }

    @Test
    void importableWithItsDataSourceAsAnInput() throws Exception {
        JsonNode d = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        assertThat(d.get("__inputs").get(0).get("name").asText()).isEqualTo("DS_PROMETHEUS");
        assertThat(d.get("__inputs").get(0).get("pluginId").asText()).isEqualTo("prometheus");
        assertThat(d.get("uid").asText()).isNotBlank();
        for (JsonNode ds : d.findValues("datasource")) {
            assertThat(ds.get("uid").asText()).isEqualTo("${DS_PROMETHEUS}");
        }
        List<String> titles = new ArrayList<>();
        d.get("panels").forEach(p -> titles.add(p.get("title").asText()));
        assertThat(String.join("|", titles))
                .contains("rate")
                .contains("In flight")
                .contains("TTFT")
                .contains("ITL")
                .contains("Errors by outcome")
                .contains("Mock scheduling lag");
    }

    @Test
    void everyExpressionNamesOnlyExposedSeries() throws Exception {
        JsonNode d = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        Set<String> exposed = exposedNames();
        List<String> exprs = expressions(d);
        assertThat(exprs).hasSizeGreaterThan(10);
        Set<String> used = new TreeSet<>();
        for (String expr : exprs) {
            Matcher m = METRIC.matcher(expr);
            boolean any = false;
            while (m.find()) {
                used.add(m.group());
                any = true;
            }
            assertThat(any).as("names a tokenbench series: " + expr).isTrue();
        }
        assertThat(exposed).containsAll(used);
        // merged and per-injector percentiles both present
        assertThat(exprs)
                .anyMatch(e -> e.contains("sum by (le) (rate(tokenbench_ttft_seconds_bucket"))
                .anyMatch(
                        e ->
                                e.contains(
                                        "sum by (injector, le) (rate(tokenbench_ttft_seconds_bucket"));
    }
}
