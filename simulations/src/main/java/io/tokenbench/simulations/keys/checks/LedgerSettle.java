package io.tokenbench.simulations.keys.checks;

import io.tokenbench.simulations.keys.http.MockAdmin;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Waits until the ledger shows every finished request: on the mock until each key's {@code used_total}
 * equals the sum of its log rows (requests still settling, postings held back); on a live gateway until
 * the usage endpoint reads the same twice, one second apart. Gives up after the settle timeout (a ledger
 * that never agrees is the accounting check's business, not a reason to hang).
 */
public final class LedgerSettle {
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration LIVE_POLL = Duration.ofSeconds(1);

  private LedgerSettle() {
  }

  /** @return per key label: milliseconds until it agreed, or -1 when it did not within the timeout */
  public static Map<String, Long> await(VerifyContext ctx, Collection<KeyHandle> keys) {
    long start = System.nanoTime();
    long deadline = start + ctx.settings().settleTimeout().toNanos();
    Map<String, Long> lagMs = new LinkedHashMap<>();
    for (KeyHandle k : keys) {
      lagMs.put(k.label(), settled(ctx, k, deadline) ? (System.nanoTime() - start) / 1_000_000 : -1L);
    }
    return lagMs;
  }

  private static boolean settled(VerifyContext ctx, KeyHandle k, long deadlineNanos) {
    Long previous = null;
    while (true) {
      if (ctx.mock()) {
        MockAdmin.KeyView v = ctx.admin().key(k.adminId());
        long logs = ctx.admin().logs(k.adminId()).stream().mapToLong(MockAdmin.LogRow::microCredits).sum();
        if (v.usedTotalMicroCredits() == logs) {
          return true;
        }
      } else {
        long used = ctx.ledger(k).usedInPeriodMicroCredits();
        if (previous != null && previous == used) {
          return true;
        }
        previous = used;
      }
      if (System.nanoTime() >= deadlineNanos) {
        return false;
      }
      sleep(ctx.mock() ? POLL : LIVE_POLL);
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}
