package io.tokenbench.simulations.keys.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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

    private PriceFetch() {}

    /**
     * The cheapest chat model of {@code GET /v1/models} (entries with {@code pricing}; a {@code
     * kind} other than chat is skipped) among those whose request of {@code promptTokens} + {@code
     * outputTokens} is billed at least one micro-Credit: a model too cheap to be billed cannot
     * exhaust a key.
     */
    public static Optional<ModelPrices> cheapestBilledChat(
            URI baseUrl, Secret key, int promptTokens, int outputTokens) {
        try {
            HttpResponse<String> r =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10))
                            .build()
                            .send(
                                    HttpRequest.newBuilder(Endpoints.resolve(baseUrl, "/v1/models"))
                                            .timeout(Duration.ofSeconds(30))
                                            .header("Authorization", key.bearer())
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            ModelPrices best = null;
            BigDecimal bestCost = null;
            for (JsonNode m : JSON.readTree(r.body()).path("data")) {
                JsonNode pricing = m.path("pricing");
                if (m.has("kind") && !"chat".equals(m.path("kind").asText())
                        || !pricing.path("input_per_million_tokens").isNumber()
                        || !pricing.path("output_per_million_tokens").isNumber()) {
                    continue;
                }
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
            return Optional.ofNullable(best);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

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
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
