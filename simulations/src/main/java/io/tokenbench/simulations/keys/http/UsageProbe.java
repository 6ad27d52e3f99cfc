package io.tokenbench.simulations.keys.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The new-api usage probe {@code GET /api/usage/token/} with the key itself as Bearer: the ledger
 * as a gateway's user can see it (period used, available, granted, expiry).
 */
public final class UsageProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param usedMicroCredits {@code total_used}: Credits used in the current period
     * @param availableMicroCredits {@code total_available}: the remaining Credits (0 for unlimited
     *     keys)
     * @param unlimited {@code unlimited_quota}
     * @param expiresAtEpochSeconds {@code expires_at}, 0 = never
     * @param grantedMicroCredits {@code total_granted} (the limit per period), null when the
     *     gateway does not report it
     */
    public record TokenUsage(
            long usedMicroCredits,
            long availableMicroCredits,
            boolean unlimited,
            long expiresAtEpochSeconds,
            Long grantedMicroCredits) {}

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
    private final URI uri;

    public UsageProbe(URI baseUrl) {
        this.uri = Endpoints.resolve(baseUrl, "/api/usage/token/");
    }

    /**
     * @throws UncheckedIOException when the endpoint is missing or answers anything but the
     *     documented shape
     */
    public TokenUsage read(Secret key) {
        try {
            HttpResponse<String> r =
                    http.send(
                            HttpRequest.newBuilder(uri)
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Authorization", key.bearer())
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                // The body is not quoted: a gateway may echo the key in it.
                throw new UsageEndpointException(
                        "the usage endpoint GET "
                                + uri.getPath()
                                + " answered "
                                + r.statusCode()
                                + (r.statusCode() == 401
                                        ? " (the key is not accepted there, or the gateway does not"
                                                + " serve new-api's usage endpoint)"
                                        : ""));
            }
            JsonNode data = JSON.readTree(r.body()).path("data");
            if (!data.path("total_used").isNumber()) {
                throw new UsageEndpointException(
                        "the usage endpoint GET " + uri.getPath() + " has no data.total_used");
            }
            return new TokenUsage(
                    Credits.micro(data.get("total_used")),
                    Credits.micro(data.path("total_available")),
                    data.path("unlimited_quota").asBoolean(false),
                    data.path("expires_at").asLong(0),
                    data.path("total_granted").isNumber()
                            ? Credits.micro(data.get("total_granted"))
                            : null);
        } catch (UsageEndpointException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(Failures.describe(uri, "GET " + uri.getPath(), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    /** The endpoint answered, but not as documented. */
    private static final class UsageEndpointException extends IOException {
        private static final long serialVersionUID = 1L;

        UsageEndpointException(String message) {
            super(message);
        }
    }
}
