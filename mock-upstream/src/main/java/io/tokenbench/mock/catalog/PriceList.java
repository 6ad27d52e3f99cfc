package io.tokenbench.mock.catalog;

import java.util.Optional;

/** Prices by model id; the model catalog is one. Thread-safe, non-blocking. */
@FunctionalInterface
public interface PriceList {
    /** The model's price, or empty when the model is unknown. */
    Optional<ModelPrice> priceOf(String modelId);
}
