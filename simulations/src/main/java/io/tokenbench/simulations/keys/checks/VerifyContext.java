package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.GatewayClient;
import io.tokenbench.simulations.keys.http.MockAdmin;
import io.tokenbench.simulations.keys.http.UsageProbe;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every check shares: the gateway client, the usage probe, the mock's admin API (null against
 * a live gateway), the price, the base request and the settings; plus the two ledger operations
 * whose source differs between mock (admin API) and live gateway (usage endpoint).
 */
public final class VerifyContext {
    private final GatewayClient gateway;
    private final UsageProbe usage;
    private final MockAdmin admin;
    private final CreditPrice price;
    private final ChatProbe probe;
    private final VerifySettings settings;
    private final List<KeyHandle> liveKeys;
    private final Map<String, Long> firstContactUsedByKey;
    private final AtomicInteger keyNumber = new AtomicInteger();

    /**
     * @param probe the base request: non-streaming, no max_tokens, the mock's override headers if
     *     any
     * @param liveKeys keys the user made (live gateway), in the order the matrix uses them; empty
     *     for the mock
     */
    public VerifyContext(
            GatewayClient gateway,
            UsageProbe usage,
            MockAdmin admin,
            CreditPrice price,
            ChatProbe probe,
            VerifySettings settings,
            List<KeyHandle> liveKeys) {
        this(gateway, usage, admin, price, probe, settings, liveKeys, Map.of());
    }

    /**
     * @param firstContactUsedByKey live: each key's {@code used_in_period} read before the verifier
     *     sent anything with it (by key label): the baseline of its matrix cell
     */
    public VerifyContext(
            GatewayClient gateway,
            UsageProbe usage,
            MockAdmin admin,
            CreditPrice price,
            ChatProbe probe,
            VerifySettings settings,
            List<KeyHandle> liveKeys,
            Map<String, Long> firstContactUsedByKey) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.admin = admin;
        this.price = Objects.requireNonNull(price, "price");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.liveKeys = List.copyOf(liveKeys);
        this.firstContactUsedByKey = Map.copyOf(firstContactUsedByKey);
    }

    public GatewayClient gateway() {
        return gateway;
    }

    public UsageProbe usage() {
        return usage;
    }

    /** True when the admin API is there: keys, clock, logs are ours. */
    public boolean mock() {
        return admin != null;
    }

    public MockAdmin admin() {
        if (admin == null) {
            throw new IllegalStateException("no admin API against a live gateway");
        }
        return admin;
    }

    public CreditPrice price() {
        return price;
    }

    public ChatProbe probe() {
        return probe;
    }

    public VerifySettings settings() {
        return settings;
    }

    public List<KeyHandle> liveKeys() {
        return liveKeys;
    }

    /**
     * The key's period usage before this run touched it: read at first contact (live), or now.
     * (Even a catalog read may reserve and refund on some gateways; a lagging read view would show
     * that reservation for a while.)
     */
    public long baselineUsedMicroCredits(KeyHandle key) {
        Long first = firstContactUsedByKey.get(key.label());
        return first != null ? first : ledger(key).usedInPeriodMicroCredits();
    }

    /** Creates a key on the mock (named {@code verify-<n>-<purpose>}). */
    public KeyHandle createKey(
            String purpose, Long limitMicroCredits, String reset, String expiration) {
        String name = "verify-" + keyNumber.incrementAndGet() + "-" + purpose;
        MockAdmin.CreatedKey k =
                admin().createKey(
                                name.length() > 50 ? name.substring(0, 50) : name,
                                limitMicroCredits,
                                reset,
                                expiration);
        return new KeyHandle(name, k.secret(), k.view().id(), limitMicroCredits);
    }

    /**
     * The ledger as the platform shows it now: the admin API on the mock, the usage endpoint
     * otherwise.
     */
    public LedgerView ledger(KeyHandle key) {
        if (mock()) {
            MockAdmin.KeyView v = admin.key(key.adminId());
            return new LedgerView(
                    v.usedInPeriodMicroCredits(),
                    v.usedTotalMicroCredits(),
                    v.remainingMicroCredits(),
                    System.nanoTime());
        }
        UsageProbe.TokenUsage u = usage.read(key.secret());
        return new LedgerView(
                u.usedMicroCredits(),
                null,
                u.unlimited() ? null : u.availableMicroCredits(),
                System.nanoTime());
    }

    /**
     * The ledger of a key, seen at one moment.
     *
     * @param usedTotalMicroCredits null where the target does not show it (live gateway)
     * @param remainingMicroCredits null for unlimited keys
     */
    public record LedgerView(
            long usedInPeriodMicroCredits,
            Long usedTotalMicroCredits,
            Long remainingMicroCredits,
            long readAtNanos) {
        public boolean exhausted() {
            return remainingMicroCredits != null && remainingMicroCredits <= 0;
        }
    }
}
