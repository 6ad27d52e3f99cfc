package io.tokenbench.mock.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenbench.mock.clock.ResetCalendar;
import io.tokenbench.mock.clock.ResetType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyStoreTest {

    private static final Instant NOW = Instant.parse("2026-03-11T10:15:30Z");
    private final KeyStore store = new KeyStore();

    @Test
    void createdKeyIsFoundBySecretWithOrWithoutPrefixAndStoredOnlyAsHash() {
        CreatedKey created =
                store.create(
                        new KeySpec("ci", 5_000_000L, ResetType.WEEKLY, Expiration.SEVEN_DAYS),
                        NOW,
                        ResetCalendar.UTC_MONDAY);
        String secret = created.secret();
        ApiKey key = created.key();
        assertThat(store.findBySecret(secret)).contains(key);
        assertThat(store.findBySecret(secret.substring(3))).contains(key);
        assertThat(store.findBySecret(secret + "x")).isEmpty();
        assertThat(store.findBySecret(null)).isEmpty();
        assertThat(key.keyHash())
                .isEqualTo(KeySecrets.sha256Hex(secret))
                .doesNotContain(secret.substring(3));
        assertThat(key.maskedKey()).isEqualTo(KeySecrets.mask(secret));
        assertThat(key.toString()).doesNotContain(secret).doesNotContain(key.keyHash());
        assertThat(created.toString()).doesNotContain(secret);
        assertThat(store.toString()).doesNotContain(secret);
    }

    @Test
    void newKeyStartsInTheCalendarPeriodWithExpiryAtExactlySevenDays() {
        ApiKey key =
                store.create(
                                new KeySpec("w", 1L, ResetType.WEEKLY, Expiration.SEVEN_DAYS),
                                NOW,
                                ResetCalendar.UTC_MONDAY)
                        .key();
        assertThat(key.state().periodStart()).isEqualTo(Instant.parse("2026-03-09T00:00:00Z"));
        assertThat(key.state().nextResetAt()).isEqualTo(Instant.parse("2026-03-16T00:00:00Z"));
        assertThat(key.expiresAt()).isEqualTo(NOW.plusSeconds(604_800));
        ApiKey forever =
                store.create(
                                new KeySpec("n", null, ResetType.NONE, Expiration.NONE),
                                NOW,
                                ResetCalendar.UTC_MONDAY)
                        .key();
        assertThat(forever.state().periodStart()).isEqualTo(NOW);
        assertThat(forever.state().nextResetAt()).isNull();
        assertThat(forever.state().unlimited()).isTrue();
        assertThat(forever.expiresAt()).isNull();
    }

    @Test
    void deleteRemovesBothLookupsAndIdsAreNotReused() {
        CreatedKey a =
                store.create(
                        new KeySpec("a", null, ResetType.NONE, Expiration.NONE),
                        NOW,
                        ResetCalendar.UTC_MONDAY);
        assertThat(store.delete(a.key().id())).isTrue();
        assertThat(store.delete(a.key().id())).isFalse();
        assertThat(store.findBySecret(a.secret())).isEmpty();
        assertThat(store.findById(a.key().id())).isEmpty();
        CreatedKey b =
                store.create(
                        new KeySpec("b", null, ResetType.NONE, Expiration.NONE),
                        NOW,
                        ResetCalendar.UTC_MONDAY);
        assertThat(b.key().id()).isGreaterThan(a.key().id());
        assertThat(store.list()).containsExactly(b.key());
    }
}
