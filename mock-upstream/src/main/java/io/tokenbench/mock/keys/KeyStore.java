package io.tokenbench.mock.keys;

import io.tokenbench.mock.clock.ResetCalendar;
import io.tokenbench.mock.clock.ResetType;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * All keys, found by id or by the SHA-256 of the presented secret. The secret itself is never
 * stored.
 *
 * <p>Thread-safe and non-blocking for lookups ({@link ConcurrentHashMap}); create and delete are
 * admin operations.
 */
public final class KeyStore {

    private final ConcurrentHashMap<String, ApiKey> byHash = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, ApiKey> byId = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final SecureRandom random;

    public KeyStore(SecureRandom random) {
        this.random = random;
    }

    public KeyStore() {
        this(new SecureRandom());
    }

    /** Creates a key; the returned {@link CreatedKey} is the only place its secret appears. */
    public CreatedKey create(KeySpec spec, Instant now, ResetCalendar calendar) {
        String secret = KeySecrets.generate(random);
        long id = lastId.incrementAndGet();
        Instant periodStart =
                spec.reset() == ResetType.NONE ? now : calendar.periodStart(spec.reset(), now);
        Instant nextReset =
                spec.reset() == ResetType.NONE
                        ? null
                        : calendar.nextBoundary(spec.reset(), periodStart);
        boolean unlimited = spec.limitMicroCredits() == null;
        KeyState initial =
                new KeyState(
                        true,
                        unlimited,
                        unlimited ? 0 : spec.limitMicroCredits(),
                        0,
                        0,
                        periodStart,
                        nextReset);
        ApiKey key =
                new ApiKey(
                        id,
                        spec.name(),
                        KeySecrets.sha256Hex(secret),
                        KeySecrets.mask(secret),
                        now,
                        spec.expiration().expiresAt(now).orElse(null),
                        spec.reset(),
                        initial);
        add(key);
        return new CreatedKey(key, secret);
    }

    /** Adds a key restored from a state file; ids keep increasing past it. */
    public void add(ApiKey key) {
        byHash.put(key.keyHash(), key);
        byId.put(key.id(), key);
        lastId.accumulateAndGet(key.id(), Math::max);
    }

    /**
     * The key whose secret is {@code bearerToken}; the {@code sk-} prefix is optional as in
     * new-api.
     */
    public Optional<ApiKey> findBySecret(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty()) {
            return Optional.empty();
        }
        String secret =
                bearerToken.startsWith(KeySecrets.PREFIX)
                        ? bearerToken
                        : KeySecrets.PREFIX + bearerToken;
        return Optional.ofNullable(byHash.get(KeySecrets.sha256Hex(secret)));
    }

    public Optional<ApiKey> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Keys ordered by id. */
    public List<ApiKey> list() {
        List<ApiKey> keys = new ArrayList<>(byId.values());
        keys.sort(Comparator.comparingLong(ApiKey::id));
        return keys;
    }

    public boolean delete(long id) {
        ApiKey removed = byId.remove(id);
        if (removed == null) {
            return false;
        }
        byHash.remove(removed.keyHash());
        return true;
    }

    /** The highest id handed out so far (persisted so deleted ids are not reused). */
    public long lastId() {
        return lastId.get();
    }

    public void restoreLastId(long savedLastId) {
        lastId.accumulateAndGet(savedLastId, Math::max);
    }

    @Override
    public String toString() {
        return "KeyStore[keys=" + byId.size() + "]";
    }
}
