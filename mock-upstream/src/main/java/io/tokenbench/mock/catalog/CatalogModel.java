package io.tokenbench.mock.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One model of the catalog.
 *
 * @param id the model id clients send
 * @param kind what it does
 * @param ownedBy {@code owned_by} in {@code /v1/models}
 * @param createdEpochSeconds {@code created} in {@code /v1/models}
 * @param capabilities free-form capability tags (for example {@code streaming}, {@code tools})
 * @param price Credit prices
 */
public record CatalogModel(
        String id,
        ModelKind kind,
        String ownedBy,
        long createdEpochSeconds,
        List<String> capabilities,
        ModelPrice price) {

    public CatalogModel {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("model id must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ownedBy, "ownedBy");
        if (createdEpochSeconds < 0) {
            throw new IllegalArgumentException("created must be >= 0");
        }
        capabilities = List.copyOf(capabilities);
        Objects.requireNonNull(price, "price");
    }
}
