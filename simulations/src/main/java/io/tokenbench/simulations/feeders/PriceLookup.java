package io.tokenbench.simulations.feeders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.MediaPrice;
import io.tokenbench.simulations.config.Price;
import io.tokenbench.simulations.config.Transport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a model's price once before a run from {@code GET <base>/v1/models/<id>}: the {@code
 * pricing.input_per_million_tokens} and {@code output_per_million_tokens} fields the mock (and the
 * PowerTokens catalog) serve. Any failure (no such route, no pricing) means {@link Price#NONE}: a
 * run never fails for want of a price. Media models: {@code per_image} and {@code per_second} too.
 */
public final class PriceLookup {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PriceLookup() {}

    public static Price of(URI baseUrl, String model, ApiKey key) {
        return of(baseUrl, model, key, Map.of(), Transport.DEFAULT);
    }

    /** As above, sending the lane's extra {@code headers} over {@code transport}. */
    public static Price of(
            URI baseUrl,
            String model,
            ApiKey key,
            Map<String, String> headers,
            Transport transport) {
        JsonNode pricing = pricing(baseUrl, model, key, headers, transport);
        if (!pricing.path("input_per_million_tokens").isNumber()
                || !pricing.path("output_per_million_tokens").isNumber()) {
            return Price.NONE;
        }
        return new Price(
                pricing.path("input_per_million_tokens").asDouble(),
                pricing.path("output_per_million_tokens").asDouble());
    }

    /**
     * A media model's prices ({@code input_per_million_tokens}, {@code per_image}, {@code
     * per_second}; absent = 0).
     */
    public static MediaPrice media(URI baseUrl, String model, ApiKey key) {
        JsonNode pricing = pricing(baseUrl, model, key, Map.of(), Transport.DEFAULT);
        if (!pricing.isObject()) {
            return MediaPrice.NONE;
        }
        try {
            return new MediaPrice(
                    pricing.path("input_per_million_tokens").asDouble(0),
                    pricing.path("per_image").asDouble(0),
                    pricing.path("per_second").asDouble(0));
        } catch (IllegalArgumentException e) {
            return MediaPrice.NONE;
        }
    }

    /** The model's {@code pricing} object, or a missing node on any failure. */
    private static JsonNode pricing(
            URI baseUrl,
            String model,
            ApiKey key,
            Map<String, String> headers,
            Transport transport) {
        String base = baseUrl.toString().replaceAll("/+$", "");
        URI uri = URI.create((base.endsWith("/v1") ? base : base + "/v1") + "/models/" + model);
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(10))
                            .setHeader("Authorization", key.bearerHeader())
                            .GET();
            headers.forEach(request::setHeader); // the user's headers replace ours
            HttpResponse<String> r =
                    JdkHttp.client(transport, baseUrl)
                            .send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            return JSON.readTree(r.body()).path("pricing");
        } catch (IOException | IllegalArgumentException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }
}
