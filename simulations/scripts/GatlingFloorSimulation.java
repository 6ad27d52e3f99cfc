import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.app.Gatling$;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor of the required engine for speed.sh (measures, never asserts): a plain Gatling
 * Java-DSL simulation with no tokenbench code. Gatling's defaults everywhere (data writers console
 * and file, one connection per virtual user, the default check only: status 2xx/304); the HTTP
 * request is {@code http("floor").post(path).body(StringBody(body)).asJson()} with the mock's key.
 *
 * <ul>
 *   <li>{@code mode=plain}: {@code users} closed users, each looping that request for {@code
 *       seconds} (32 users = wrk's 32 connections);
 *   <li>{@code mode=stream}: an open model, {@code rate} new users per second for {@code seconds},
 *       each sending one request (the body says {@code "stream":true}) and reading the whole SSE
 *       body: Gatling's own response times (send to last byte) at that rate.
 * </ul>
 *
 * <p>Parameters are system properties {@code floor.url} (base URL), {@code floor.body}, {@code
 * floor.key}, {@code floor.mode}, {@code floor.users}, {@code floor.rate}, {@code floor.seconds}.
 * Runs in-process through Gatling's runner ({@code Gatling.fromArgs}, as tokenbench's own
 * GatlingRunner does); speed.sh compiles this file with javac against the injector's class path and
 * counts requests and CPU from outside (the mock's {@code /admin/stats}, {@code /proc/PID/stat}),
 * as it does for wrk.
 */
public final class GatlingFloorSimulation extends Simulation {
    public GatlingFloorSimulation() {
        String url = System.getProperty("floor.url");
        String body = System.getProperty("floor.body");
        String key = System.getProperty("floor.key");
        String mode = System.getProperty("floor.mode", "plain");
        Duration length = Duration.ofSeconds(Long.parseLong(System.getProperty("floor.seconds")));
        HttpProtocolBuilder protocol =
                http.baseUrl(url).authorizationHeader("Bearer " + key);
        var request = http("floor").post("/v1/chat/completions").body(StringBody(body)).asJson();
        if (mode.equals("plain")) {
            int users = Integer.parseInt(System.getProperty("floor.users"));
            ScenarioBuilder loop = scenario("plain").exec(during(length).on(request));
            setUp(loop.injectOpen(atOnceUsers(users))).protocols(protocol);
        } else {
            double rate = Double.parseDouble(System.getProperty("floor.rate"));
            ScenarioBuilder once = scenario("stream").exec(request);
            setUp(once.injectOpen(constantUsersPerSec(rate).during(length))).protocols(protocol);
        }
    }

    /**
     * Runs this simulation in this JVM with results under {@code args[0]}; exits with its status.
     * Gatling's report (and with it the final console summary with the response-time percentiles)
     * only when {@code floor.reports=true}: it is generated after the run, outside the measurement.
     */
    public static void main(String[] args) {
        List<String> gatlingArgs =
                new ArrayList<>(
                        List.of(
                                "--simulation", GatlingFloorSimulation.class.getName(),
                                "--results-folder", args[0],
                                "--launcher", "tokenbench-floor"));
        if (!Boolean.getBoolean("floor.reports")) {
            gatlingArgs.add("--no-reports");
        }
        System.exit(Gatling$.MODULE$.fromArgs(gatlingArgs.toArray(String[]::new)));
    }
}
