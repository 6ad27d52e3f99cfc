package io.tokenbench.mock.enforcement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.mock.behavior.Behavior;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.catalog.ModelCatalog;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.server.MockConfig;
import io.tokenbench.mock.server.MockUpstream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a test: the speed check. Starts the Netty mock with the PowerTokens gate in {@code
 * atomic} mode, creates an unlimited key and a limited key (limit far above what the run spends),
 * and runs wrk against non-streaming chat completions with each key in turn (one discarded warm-up
 * pair, then A B, B A, A B ...), printing req/s and the limited/unlimited ratio. Keys reach wrk
 * through the environment, never the argument list.
 *
 * <pre>
 * mvn -q -pl mock-upstream test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp mock-upstream/target/classes:mock-upstream/target/test-classes:$(cat /tmp/cp.txt) \
 *     io.tokenbench.mock.enforcement.KeysThroughputCheck [seconds-per-run] [rounds] [connections]
 * </pre>
 */
public final class KeysThroughputCheck {

    private static final Pattern REQS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    private KeysThroughputCheck() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        EnforcementProfile atomic =
                io.tokenbench.mock.cli.CommandLines.profile("--concurrency", "atomic");
        try (PowerTokensPlatform keys =
                        PowerTokensPlatform.open(ModelCatalog.defaults(), atomic, null);
                MockUpstream mock =
                        MockUpstream.start(
                                MockConfig.defaults()
                                        .withPort(0)
                                        .withBehavior(
                                                Behavior.DEFAULT
                                                        .withTtft(DistParser.durations("0ms"))
                                                        .withItl(DistParser.durations("0ms"))
                                                        .withOutputTokens(DistParser.counts("16")))
                                        .withGate(keys.gate())
                                        .withClock(keys.clock())
                                        .withRouteGroups(keys.routeGroups()))) {
            keys.start();
            String unlimited = createKey(mock, "{\"name\":\"unlimited\",\"limit_credits\":null}");
            String limited =
                    createKey(
                            mock,
                            "{\"name\":\"limited\",\"limit_credits\":1000000,\"reset\":\"monthly\"}");
            Path script = Files.createTempFile("keys-speed", ".lua");
            Files.writeString(
                    script,
                    "wrk.method = \"POST\"\n"
                            + "wrk.body = '{\"model\":\"tokenbench-tiny\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}'\n"
                            + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                            + "wrk.headers[\"Authorization\"] = \"Bearer \" .. os.getenv(\"TB_KEY\")\n");
            wrk(mock, script, unlimited, seconds, connections); // warm-up (JIT), discarded
            wrk(mock, script, limited, seconds, connections);
            double sumUnlimited = 0;
            double sumLimited = 0;
            for (int r = 0; r < rounds; r++) {
                // A B in odd rounds, B A in even ones, so drift in the machine's load cancels out.
                double u;
                double l;
                if (r % 2 == 0) {
                    u = wrk(mock, script, unlimited, seconds, connections);
                    l = wrk(mock, script, limited, seconds, connections);
                } else {
                    l = wrk(mock, script, limited, seconds, connections);
                    u = wrk(mock, script, unlimited, seconds, connections);
                }
                System.out.printf(
                        "round %d: unlimited %.0f req/s, limited atomic %.0f req/s, ratio %.3f%n",
                        r + 1, u, l, l / u);
                sumUnlimited += u;
                sumLimited += l;
            }
            System.out.printf(
                    "mean: unlimited %.0f req/s, limited atomic %.0f req/s, ratio %.3f (%d x %d s, %d connections)%n",
                    sumUnlimited / rounds,
                    sumLimited / rounds,
                    sumLimited / sumUnlimited,
                    rounds,
                    seconds,
                    connections);
            System.out.println("in flight after the runs: " + keys.gate().inFlight());
            Files.delete(script);
        }
    }

    private static String createKey(MockUpstream mock, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(
                                HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/admin/keys"))
                                        .header("Authorization", "Bearer " + mock.adminToken())
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(
                    "key creation failed: " + r.statusCode() + " " + r.body());
        }
        JsonNode key = new ObjectMapper().readTree(r.body());
        return key.get("key").asText();
    }

    private static double wrk(
            MockUpstream mock, Path script, String key, int seconds, int connections)
            throws IOException, InterruptedException {
        ProcessBuilder pb =
                new ProcessBuilder(
                                "wrk",
                                "-t1",
                                "-c" + connections,
                                "-d" + seconds + "s",
                                "-s",
                                script.toString(),
                                mock.baseUrl() + "/v1/chat/completions")
                        .redirectErrorStream(true);
        pb.environment().put("TB_KEY", key);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        if (out.contains("Non-2xx")) {
            throw new IllegalStateException("wrk saw errors: " + out);
        }
        Matcher m = REQS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no Requests/sec in wrk output: " + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
