package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.ChatProbe;
import io.tokenbench.simulations.keys.http.GatewayClient;
import io.tokenbench.simulations.keys.http.UsageProbe;
import java.util.Objects;

/**
 * What every check shares: the gateway client, the usage probe, the price, the base request, the
 * settings, and the {@link Target} (mock or live gateway) for everything that differs between them.
 */
public final class VerifyContext {
    private final GatewayClient gateway;
    private final UsageProbe usage;
    private final Target target;
    private final CreditPrice price;
    private final ChatProbe probe;
    private final VerifySettings settings;

    /**
     * @param probe the base request: non-streaming, no max_tokens, the mock's override headers if
     *     any
     */
    public VerifyContext(
            GatewayClient gateway,
            UsageProbe usage,
            Target target,
            CreditPrice price,
            ChatProbe probe,
            VerifySettings settings) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.target = Objects.requireNonNull(target, "target");
        this.price = Objects.requireNonNull(price, "price");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public GatewayClient gateway() {
        return gateway;
    }

    public UsageProbe usage() {
        return usage;
    }

    public Target target() {
        return target;
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

    /** The key's period usage before this run touched it (see {@link Target}). */
    public long baselineUsedMicroCredits(KeyHandle key) {
        return target.baselineUsedMicroCredits(key);
    }

    /** The ledger as the platform shows it now (see {@link Target#ledger(KeyHandle)}). */
    public LedgerView ledger(KeyHandle key) {
        return target.ledger(key);
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
