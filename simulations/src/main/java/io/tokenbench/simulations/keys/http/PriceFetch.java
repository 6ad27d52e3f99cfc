package io.tokenbench.simulations.keys.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A model's Credit prices from {@code GET /v1/models/{id}} ({@code
 * pricing.input_per_million_tokens}, {@code output_per_million_tokens}, as the mock and the
 * PowerTokens catalog serve them), read as exact decimals. Empty when the target does not publish
 * them.
 */
public final class PriceFetch {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Credits per 1M input and output tokens. */
    public record Prices(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}

    /** A model and its prices. */
    public record ModelPrices(String model, Prices prices) {}

    /**
     * What {@code GET /v1/models} listed: every model id seen, and the cheapest billed chat model
     * among them (empty when none qualifies).
     */
    public record Catalog(List<String> modelIds, int priced, Optional<ModelPrices> cheapest) {
        public Catalog {
            modelIds = List.copyOf(modelIds);
        }
    }

    private PriceFetch() {}

    /**
     * The cheapest chat model of {@code GET /v1/models} (entries with {@code pricing}; a {@code
     * kind} other than chat is skipped) among those whose request of {@code promptTokens} + {@code
     * outputTokens} is billed at least one micro-Credit: a model too cheap to be billed cannot
     * exhaust a key.
     */
    /**
     * @throws UncheckedIOException naming the cause when the catalog cannot be read (connection
     *     refused, TLS, a status other than 200, not JSON)
     */
    public static Catalog cheapestBilledChat(
            URI baseUrl, Secret key, int promptTokens, int outputTokens) {
        URI uri = Endpoints.resolve(baseUrl, "/v1/models");
        try {
            HttpResponse<String> r =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build()
                            .send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(30))
                                            .header("Authorization", key.bearer())
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new UncheckedIOException(
                        new IOException("GET " + uri.getPath() + " answered " + r.statusCode()));
            }
            ModelPrices best = null;
            BigDecimal bestCost = null;
            List<String> ids = new ArrayList<>();
            int priced = 0;
            for (JsonNode m : JSON.readTree(r.body()).path("data")) {
                ids.add(m.path("id").asText());
                JsonNode pricing = m.path("pricing");
                if (m.has("kind") && !"chat".equals(m.path("kind").asText())
                        || !pricing.path("input_per_million_tokens").isNumber()
                        || !pricing.path("output_per_million_tokens").isNumber()) {
                    continue;
                }
                priced++;
                Prices p =
                        new Prices(
                                pricing.get("input_per_million_tokens").decimalValue(),
                                pricing.get("output_per_million_tokens").decimalValue());
                BigDecimal cost =
                        p.inputPerMillion()
                                .multiply(BigDecimal.valueOf(promptTokens))
                                .add(
                                        p.outputPerMillion()
                                                .multiply(BigDecimal.valueOf(outputTokens)));
                if (cost.compareTo(BigDecimal.ONE) >= 0
                        && (bestCost == null || cost.compareTo(bestCost) < 0)) {
                    best = new ModelPrices(m.path("id").asText(), p);
                    bestCost = cost;
                }
            }
            return new Catalog(ids, priced, Optional.ofNullable(best));
        } catch (IOException e) {
            throw new UncheckedIOException(Failures.describe(uri, "GET " + uri.getPath(), e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    /**
     * @return the model's prices, empty when the target answers without them
     * @throws UncheckedIOException naming the cause when the target cannot be reached
     */
    public static Optional<Prices> of(URI baseUrl, String model, Secret key) {
        try {
            HttpResponse<String> r =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build()
                            .send(
                                    HttpRequest.newBuilder(
                                                    Endpoints.resolve(
                                                            baseUrl, "/v1/models/" + model))
                                            .timeout(Duration.ofSeconds(30))
                                            .header("Authorization", key.bearer())
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode pricing = JSON.readTree(r.body()).path("pricing");
            if (!pricing.path("input_per_million_tokens").isNumber()
                    || !pricing.path("output_per_million_tokens").isNumber()) {
                return Optional.empty();
            }
            return Optional.of(
                    new Prices(
                            pricing.get("input_per_million_tokens").decimalValue(),
                            pricing.get("output_per_million_tokens").decimalValue()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    Failures.describe(baseUrl, "GET /v1/models/" + model, e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }
}
