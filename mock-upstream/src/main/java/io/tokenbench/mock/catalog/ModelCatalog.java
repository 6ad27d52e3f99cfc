package io.tokenbench.mock.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models the mock serves, in catalog order, with their prices. Immutable and thread-safe. */
public final class ModelCatalog implements PriceList {

    /** The classpath resource holding the default catalog. */
    public static final String DEFAULT_RESOURCE =
            "/io/tokenbench/mock/catalog/default-catalog.json";

    private final Map<String, CatalogModel> byId;

    public ModelCatalog(List<CatalogModel> models) {
        Map<String, CatalogModel> map = new LinkedHashMap<>();
        for (CatalogModel model : models) {
            if (map.putIfAbsent(model.id(), model) != null) {
                throw new IllegalArgumentException("model '" + model.id() + "' is listed twice");
            }
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException("the catalog lists no models");
        }
        this.byId = Collections.unmodifiableMap(map);
    }

    /** The catalog shipped in the jar. */
    public static ModelCatalog defaults() {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE);
            }
            return CatalogReader.read(in, DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalog file; throws {@link IllegalArgumentException} naming the file and the problem. */
    public static ModelCatalog fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CatalogReader.read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read catalog " + file + ": " + e.getMessage(), e);
        }
    }

    public Optional<CatalogModel> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<CatalogModel> models() {
        return byId.values();
    }

    @Override
    public Optional<ModelPrice> priceOf(String modelId) {
        return modelId == null ? Optional.empty() : find(modelId).map(CatalogModel::price);
    }
}
