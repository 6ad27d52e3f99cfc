package io.tokenbench.simulations.cli;

import io.tokenbench.reports.record.SecretText;
import io.tokenbench.simulations.config.Api;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.Endpoints;
import io.tokenbench.simulations.config.Transport;
import io.tokenbench.simulations.feeders.JdkHttp;
import io.tokenbench.simulations.scenarios.Lane;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The one request sent to each lane's target before the load ({@code --no-preflight} skips it): the
 * lane's first request body and headers to its chat completions URL. A refused connection, a failed
 * TLS handshake, no response within the first-token timeout, a 4xx other than 408/429 (401/403: the
 * key; 404: the URL) or a 200 that is not an OpenAI chat completion make the command stop with exit
 * 2 and one screen: the status, the redacted start of the body and a hint. A 408, 429 or 5xx is
 * printed as a warning and the load runs (the run measures it).
 */
final class Preflight {
    /** How much of an error body is shown. */
    static final int MAX_BODY_CHARS = 1024;

    /** Why the target cannot be load-tested. */
    record Failure(String message) {}

    private Preflight() {}

    /**
     * Sends the pre-flight request of {@code lane}.
     *
     * @param keyVariable the environment variable the key came from, for hints
     * @return a failure to print (exit 2), or empty (go on)
     */
    static Optional<Failure> check(
            Lane lane,
            ApiKey key,
            String keyVariable,
            Duration firstTokenTimeout,
            Transport transport,
            java.io.PrintStream out) {
        Api api = lane.bodies().api();
        URI url = Endpoints.resolve(lane.baseUrl(), api.path());
        String body = lane.firstBody();
        boolean stream = lane.streamed();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url)
                        .timeout(firstTokenTimeout)
                        .header("Authorization", key.bearerHeader())
                        .header("Content-Type", "application/json")
                        .header("Accept", stream ? "text/event-stream" : "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        lane.extraHeaders().forEach(request::header);
        // the run's own trust, client certificate and proxy: a pre-flight that connects differently
        // from the load would fail (or pass) for the wrong reason
        HttpClient client = JdkHttp.client(transport, url);
        String where = "POST " + url;
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            return fail(
                    where + ": no connection within " + firstTokenTimeout.toSeconds() + " s",
                    "is the host reachable from here? Check --base-url.");
        } catch (HttpTimeoutException e) {
            return fail(
                    where
                            + ": connected, but no response within "
                            + firstTokenTimeout.toSeconds()
                            + " s (--timeout-first-token)",
                    "the target accepts connections and does not answer: is it overloaded or"
                            + " the wrong port? --no-preflight runs anyway.");
        } catch (ConnectException e) {
            return fail(
                    where + ": connection refused",
                    "nothing listens there: is the target running? Check the host and port of"
                            + " --base-url.");
        } catch (SSLException e) {
            return fail(
                    where + ": TLS handshake failed (" + e.getMessage() + ")",
                    "an https URL to a plain-HTTP port, or a certificate this JVM does not"
                            + " trust.");
        } catch (IOException e) {
            if (e.getCause() instanceof SSLException ssl) {
                return fail(
                        where + ": TLS handshake failed (" + ssl.getMessage() + ")",
                        "an https URL to a plain-HTTP port, or a certificate this JVM does not"
                                + " trust.");
            }
            if (e.getCause() instanceof ConnectException) {
                return fail(
                        where + ": connection refused",
                        "nothing listens there: is the target running? Check --base-url.");
            }
            return fail(
                    where + ": the connection failed before a response (" + e + ")",
                    "the target closed the connection: check --base-url (http vs https, port).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(where + ": interrupted", "");
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("content-type").orElse("");
        String text;
        try (InputStream in = response.body()) {
            text = readStart(in, status == 200 && stream, api);
        } catch (IOException e) {
            text = "(body unreadable: " + e.getMessage() + ")";
        }
        String shown = SecretText.redact(text, List.of(key.secretForRedaction()), true);
        if (status == 401 || status == 403) {
            return fail(
                    where + ": " + status + " " + shown,
                    "the key in $"
                            + keyVariable
                            + " was refused: set it to a key this target accepts"
                            + " (--api-key-env names the variable).");
        }
        if (status == 404) {
            return fail(
                    where + ": 404 " + shown,
                    "no /v1/"
                            + api.path()
                            + " endpoint at this URL: --base-url is the API root"
                            + " (http://host:port or http://host:port/v1; the API path is"
                            + " appended). A gateway may also answer 404 for an unknown model"
                            + " (--model) or not serve this --api.");
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return fail(
                    where + ": " + status + " " + shown,
                    "the target refused the request itself: every request of the run would get"
                            + " the same answer. Check --model and the headers the gateway needs.");
        }
        if (status == 408 || status == 429 || status >= 500) {
            out.println(
                    "tokenbench: pre-flight answered "
                            + status
                            + " (the run goes on and counts such answers): "
                            + oneLine(shown));
            return Optional.empty();
        }
        if (status != 200 || !looksLikeOpenAi(api, stream, contentType, text)) {
            return fail(
                    where
                            + ": "
                            + status
                            + " "
                            + (contentType.isEmpty() ? "(no content-type)" : contentType)
                            + " "
                            + shown,
                    "this is not an OpenAI-compatible "
                            + api.key()
                            + " answer"
                            + (stream
                                    ? " (a text/event-stream of 'data: {..."
                                            + marker(api, true)
                                            + "...}' events)"
                                    : " (a JSON object with " + marker(api, false) + ")")
                            + ": check --base-url and --api.");
        }
        return Optional.empty();
    }

    static boolean looksLikeOpenAi(Api api, boolean stream, String contentType, String text) {
        String type = contentType.toLowerCase(Locale.ROOT);
        if (stream) {
            return type.startsWith("text/event-stream")
                    && text.contains("data:")
                    && text.contains(marker(api, true));
        }
        return type.contains("json") && text.contains(marker(api, false));
    }

    /**
     * What an answer of {@code api} contains: chat and completions carry {@code "choices"}; the
     * Responses API's events are typed {@code response.*} and its object has {@code "output"}.
     */
    static String marker(Api api, boolean stream) {
        if (api == Api.RESPONSES) {
            return stream ? "\"response." : "\"output\"";
        }
        return "\"choices\"";
    }

    /**
     * The start of the body: up to {@value #MAX_BODY_CHARS} characters; a stream is read until its
     * first event that shows the API's answer (the rest is not waited for).
     */
    private static String readStart(InputStream in, boolean sse, Api api) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        String line;
        while (sb.length() < MAX_BODY_CHARS && (line = reader.readLine()) != null) {
            sb.append(line).append('\n');
            if (sse && line.startsWith("data:") && line.contains(marker(api, true))) {
                break;
            }
        }
        return sb.length() > MAX_BODY_CHARS ? sb.substring(0, MAX_BODY_CHARS) : sb.toString();
    }

    private static String oneLine(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }

    private static Optional<Failure> fail(String what, String hint) {
        return Optional.of(
                new Failure(
                        "tokenbench: pre-flight request failed (exit 2, nothing was"
                                + " load-tested)\n  "
                                + what.strip()
                                + (hint.isEmpty() ? "" : "\n  hint: " + hint)));
    }
}
