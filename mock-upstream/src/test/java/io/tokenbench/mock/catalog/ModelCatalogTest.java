package io.tokenbench.mock.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCatalogTest {

    @Test
    void defaultCatalogHasEveryKindMiniMaxAndACheapChatModel() {
        ModelCatalog catalog = ModelCatalog.defaults();
        assertThat(catalog.models()).extracting(CatalogModel::kind).contains(ModelKind.values());
        CatalogModel minimax = catalog.find("MiniMax-M3").orElseThrow();
        assertThat(minimax.kind()).isEqualTo(ModelKind.CHAT);
        assertThat(catalog.priceOf("MiniMax-M3").orElseThrow().outputCreditsPerMillionTokens())
                .isEqualByComparingTo("2.4");
        assertThat(catalog.models())
                .filteredOn(m -> m.kind() == ModelKind.CHAT)
                .anySatisfy(
                        m ->
                                assertThat(m.price().inputCreditsPerMillionTokens())
                                        .isLessThan(new BigDecimal("0.05")));
        assertThat(catalog.priceOf("sora-2").orElseThrow().creditsPerSecond()).isPositive();
        assertThat(catalog.priceOf("gpt-image-1").orElseThrow().creditsPerImage()).isPositive();
        assertThat(catalog.priceOf("nope")).isEmpty();
        assertThat(catalog.priceOf(null)).isEmpty();
    }

    @Test
    void catalogFilesAreReadStrictly(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        Files.writeString(
                good,
                "{\"models\":[{\"id\":\"m1\",\"kind\":\"chat\",\"owned_by\":\"me\",\"created\":1,"
                        + "\"price\":{\"input_per_million\":1.5}}]}");
        assertThat(
                        ModelCatalog.fromFile(good)
                                .find("m1")
                                .orElseThrow()
                                .price()
                                .inputCreditsPerMillionTokens())
                .isEqualByComparingTo("1.5");
        Path badKind = dir.resolve("bad.json");
        Files.writeString(
                badKind,
                "{\"models\":[{\"id\":\"m1\",\"kind\":\"robot\",\"owned_by\":\"me\",\"created\":1}]}");
        assertThatThrownBy(() -> ModelCatalog.fromFile(badKind))
                .hasMessageContaining("models[0]")
                .hasMessageContaining("robot");
        Path twice = dir.resolve("twice.json");
        Files.writeString(
                twice,
                "{\"models\":[{\"id\":\"m\",\"kind\":\"chat\",\"owned_by\":\"a\",\"created\":1},"
                        + "{\"id\":\"m\",\"kind\":\"chat\",\"owned_by\":\"a\",\"created\":1}]}");
        assertThatThrownBy(() -> ModelCatalog.fromFile(twice)).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ModelCatalog.fromFile(dir.resolve("missing.json")))
                .hasMessageContaining("cannot read");
    }
}
