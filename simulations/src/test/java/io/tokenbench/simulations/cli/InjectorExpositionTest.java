package io.tokenbench.simulations.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.reports.record.Outcome;
import io.tokenbench.simulations.metrics.PrometheusText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --metrics-port} on a real short run against the mock process: the exposition serves while
 * the run lasts and after it, and its final counts equal the recorder's ({@code summary.json}); bad
 * metrics options exit 2 naming the option.
 */
class InjectorExpositionTest {

    private static final Pattern ADDRESS =
            Pattern.compile("Prometheus metrics at (http://127\\.0\\.0\\.1:\\d+/metrics)");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();

    private int run(String... args) {
        return TokenbenchRun.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
    }

    private String scrape(URI uri) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(uri).build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            return null; // not listening yet or any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Test
    void countsDuringAndAfterTheRunEqualTheRecorders(@TempDir Path tmp) throws Exception {
        Path jar = Path.of(System.getProperty("tokenbench.mockJar", "missing"));
        assumeTrue(Files.isReadable(jar), "mock jar not built: " + jar);
        CompletableFuture<Integer> exit =
                CompletableFuture.supplyAsync(
                        () ->
                                run(
                                        "run",
                                        "--rate",
                                        "10",
                                        "--duration",
                                        "4s",
                                        "--warmup",
                                        "1s",
                                        "--grace",
                                        "3s",
                                        "--lag-budget",
                                        "10s",
                                        "--out",
                                        tmp.toString(),
                                        "--metrics-port",
                                        "0",
                                        "--metrics-grace",
                                        "60s"));
        URI uri = null;
        while (uri == null && !exit.isDone()) {
            Matcher m = ADDRESS.matcher(out.toString(StandardCharsets.UTF_8));
            if (m.find()) {
                uri = URI.create(m.group(1));
            } else {
                Thread.sleep(20);
            }
        }
        assertThat(uri).as(out.toString(StandardCharsets.UTF_8) + err).isNotNull();

        PrometheusText during = null;
        PrometheusText last = null;
        while (!exit.isDone()) {
            String body = scrape(uri);
            if (body != null) {
                PrometheusText m = PrometheusText.parse(body);
                if (m.sum("tokenbench_run_ended") == 0 && m.sum("tokenbench_requests_total") > 0) {
                    during = m;
                }
                if (m.sum("tokenbench_run_ended") == 1) {
                    last = m;
                }
            }
            Thread.sleep(100);
        }
        assertThat(exit.get(1, TimeUnit.MINUTES))
                .as(out.toString(StandardCharsets.UTF_8) + err)
                .isZero();
        assertThat(during).as("a scrape while the run lasted").isNotNull();
        assertThat(during.sum("tokenbench_requests_total"))
                .isLessThanOrEqualTo(during.sum("tokenbench_requests_scheduled_total"));
        assertThat(last).as("a scrape after the run ended").isNotNull();

        Path runDir;
        try (Stream<Path> dirs = Files.list(tmp)) {
            runDir =
                    dirs.filter(p -> p.getFileName().toString().endsWith("-streaming"))
                            .findFirst()
                            .orElseThrow();
        }
        JsonNode summary = new ObjectMapper().readTree(runDir.resolve("summary.json").toFile());
        Map<String, String> measure =
                Map.of("phase", "measure", "run_id", runDir.getFileName().toString());
        assertThat(last.sum("tokenbench_requests_scheduled_total", measure))
                .isEqualTo(summary.get("requests").get("scheduled").asDouble())
                .isPositive();
        assertThat(last.sum("tokenbench_requests_total", measure))
                .isEqualTo(
                        summary.get("requests").get("completed").asDouble()
                                + summary.get("requests").get("unfinished").asDouble());
        for (Outcome o : Outcome.values()) {
            Map<String, String> byOutcome = Map.of("phase", "measure", "outcome", o.wireName());
            assertThat(last.sum("tokenbench_requests_total", byOutcome))
                    .as(o.wireName())
                    .isEqualTo(summary.get("outcomes").get(o.wireName()).asDouble());
        }
        assertThat(last.sum("tokenbench_requests_in_flight")).isZero();
        assertThat(last.sum("tokenbench_ttft_seconds_count")).isPositive();
    }

    @Test
    void badMetricsOptionsExitTwoNamingTheOption() throws Exception {
        assertThat(run("run", "--metrics-host", "0.0.0.0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--metrics-host applies only with --metrics-port");
        err.reset();
        assertThat(run("run", "--metrics-port", "70000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--metrics-port must be in 0..65535: 70000");
        err.reset();
        assertThat(run("run", "--metrics-port", "0", "--metrics-grace", "5")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--metrics-grace");
        err.reset();
        try (ServerSocket taken =
                new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(run("run", "--metrics-port", Integer.toString(taken.getLocalPort())))
                    .isEqualTo(2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--metrics-port: cannot listen on 127.0.0.1:");
    }
}
