package io.tokenbench.simulations.feeders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokenbench.simulations.config.ApiKey;
import io.tokenbench.simulations.config.Price;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Reads a model's price once before a run from {@code GET <base>/v1/models/<id>}: the
 * {@code pricing.input_per_million_tokens} and {@code output_per_million_tokens} fields the mock (and
 * the PowerTokens catalog) serve. Any failure (no such route, no pricing) means {@link Price#NONE}:
 * a run never fails for want of a price.
 */
public final class PriceLookup {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PriceLookup() {}

  public static Price of(URI baseUrl, String model, ApiKey key) {
    String base = baseUrl.toString().replaceAll("/+$", "");
    URI uri = URI.create((base.endsWith("/v1") ? base : base + "/v1") + "/models/" + model);
    try {
      HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build().send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Authorization", key.bearerHeader())
              .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return Price.NONE;
      }
      JsonNode pricing = JSON.readTree(r.body()).path("pricing");
      if (!pricing.path("input_per_million_tokens").isNumber() || !pricing.path("output_per_million_tokens").isNumber()) {
        return Price.NONE;
      }
      return new Price(pricing.path("input_per_million_tokens").asDouble(),
          pricing.path("output_per_million_tokens").asDouble());
    } catch (IOException | IllegalArgumentException e) {
      return Price.NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Price.NONE;
    }
  }
}
