package io.tokenbench.mock.platformadmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.behavior.DistParser;
import io.tokenbench.mock.billing.CancelBilling;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.billing.PeriodAttribution;
import io.tokenbench.mock.billing.Rounding;
import io.tokenbench.mock.platform.ConcurrencyMode;
import io.tokenbench.mock.platform.EnforcementProfile;
import io.tokenbench.mock.platform.ErrorStyle;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Strict parsing of {@link EnforcementProfile} settings from a JSON object ({@code PUT
 * /admin/enforcement}, snake_case names) and the profile's JSON view. Unknown names, wrong JSON
 * types and bad values fail with a {@link ProfileOptionException} naming the setting; nothing falls
 * back to a default silently. The command line's options of the same names are in the mock's {@code
 * cli} package.
 */
public final class EnforcementOptions {

    /** The JSON type a setting takes. */
    private enum Kind {
        TEXT,
        INTEGER,
        NUMBER,
        BOOLEAN,
        CREDITS_OR_NULL
    }

    /**
     * Setting names (snake_case) and their JSON types, in the order {@link #toJson} writes them.
     */
    private static final Map<String, Kind> SETTINGS = orderedSettings();

    private EnforcementOptions() {}

    private static Map<String, Kind> orderedSettings() {
        Map<String, Kind> m = new java.util.LinkedHashMap<>();
        m.put("concurrency", Kind.TEXT);
        m.put("error_style", Kind.TEXT);
        m.put("cancel_billing", Kind.TEXT);
        m.put("rounding", Kind.TEXT);
        m.put("reset_zone", Kind.TEXT);
        m.put("reset_weekday", Kind.TEXT);
        m.put("reset_lag_ms", Kind.INTEGER);
        m.put("expiry_off_by_one", Kind.INTEGER);
        m.put("period_attribution", Kind.TEXT);
        m.put("cutoff", Kind.BOOLEAN);
        m.put("stale_cache_ms", Kind.INTEGER);
        m.put("batch_write_ms", Kind.INTEGER);
        m.put("drop_settlement", Kind.NUMBER);
        m.put("double_settle", Kind.NUMBER);
        m.put("no_refund_on_error", Kind.BOOLEAN);
        m.put("trust_bypass", Kind.CREDITS_OR_NULL);
        m.put("fail_open", Kind.BOOLEAN);
        m.put("ledger_read_lag", Kind.TEXT);
        m.put("usage_reports_granted", Kind.BOOLEAN);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The JSON names, for example {@code error_style}. */
    public static List<String> settingNames() {
        return List.copyOf(SETTINGS.keySet());
    }

    /**
     * Applies the settings present in a JSON object onto {@code base}; absent settings keep their
     * value.
     */
    public static EnforcementProfile fromJson(EnforcementProfile base, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new ProfileOptionException("body", "must be a JSON object");
        }
        EnforcementProfile p = base;
        for (Map.Entry<String, JsonNode> field : json.properties()) {
            String name = field.getKey();
            Kind kind = SETTINGS.get(name);
            if (kind == null) {
                throw new ProfileOptionException(
                        name, "unknown setting; known: " + String.join(", ", SETTINGS.keySet()));
            }
            p = with(p, name, jsonText(name, kind, field.getValue()));
        }
        return p;
    }

    private static String jsonText(String name, Kind kind, JsonNode v) {
        boolean ok =
                switch (kind) {
                    case TEXT -> v.isTextual();
                    case INTEGER -> v.isIntegralNumber();
                    case NUMBER -> v.isNumber();
                    case BOOLEAN -> v.isBoolean();
                    case CREDITS_OR_NULL -> v.isNumber() || v.isNull();
                };
        if (!ok) {
            throw new ProfileOptionException(
                    name,
                    "expected "
                            + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + ", got "
                            + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return v.isNull() ? "off" : v.isNumber() ? v.decimalValue().toPlainString() : v.asText();
    }

    private static EnforcementProfile with(EnforcementProfile p, String name, String value) {
        try {
            ProfileBuilder b = new ProfileBuilder(p);
            switch (name) {
                case "concurrency" -> b.concurrency = ConcurrencyMode.parse(value);
                case "error_style" -> b.errorStyle = ErrorStyle.parse(value);
                case "cancel_billing" -> b.cancelBilling = CancelBilling.parse(value);
                case "rounding" -> b.rounding = Rounding.parse(value);
                case "reset_zone" -> b.resetZone = parseZone(value);
                case "reset_weekday" -> b.resetWeekday = parseWeekday(value);
                case "reset_lag_ms" -> b.resetLag = millis(value);
                case "expiry_off_by_one" -> b.expiryOffByOneSeconds = Long.parseLong(value);
                case "period_attribution" -> b.periodAttribution = PeriodAttribution.parse(value);
                case "cutoff" -> b.cutoff = bool(value);
                case "stale_cache_ms" -> b.staleCache = millis(value);
                case "batch_write_ms" -> b.batchWrite = millis(value);
                case "drop_settlement" -> b.dropSettlementProbability = Double.parseDouble(value);
                case "double_settle" -> b.doubleSettleProbability = Double.parseDouble(value);
                case "no_refund_on_error" -> b.noRefundOnError = bool(value);
                case "trust_bypass" -> b.trustBypassAboveMicroCredits = creditsOrOff(value);
                case "fail_open" -> b.failOpen = bool(value);
                case "ledger_read_lag" -> b.ledgerReadLag = DistParser.durations(value);
                case "usage_reports_granted" -> b.usageReportsGranted = bool(value);
                default -> throw new ProfileOptionException(name, "unknown setting");
            }
            return b.build();
        } catch (ProfileOptionException e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new ProfileOptionException(name, strip(e.getMessage(), name));
        }
    }

    /**
     * Avoids "reset_lag_ms: reset_lag_ms must be ..." when the record already named the setting.
     */
    private static String strip(String message, String name) {
        String m = message == null ? "invalid value" : message;
        return m.startsWith(name + " ") ? m.substring(name.length() + 1) : m;
    }

    private static ZoneId parseZone(String value) {
        try {
            return ZoneId.of(value);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "not a zone id (for example UTC or Asia/Shanghai): " + value);
        }
    }

    private static DayOfWeek parseWeekday(String value) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).equals(value)) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "must be a lower-case English weekday (monday ... sunday): " + value);
    }

    private static Duration millis(String value) {
        long ms = Long.parseLong(value);
        if (ms < 0) {
            throw new IllegalArgumentException("must be >= 0: " + value);
        }
        return Duration.ofMillis(ms);
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false: " + value);
        };
    }

    private static Long creditsOrOff(String value) {
        if ("off".equals(value)) {
            return null;
        }
        long micro = Credits.toMicro(new BigDecimal(value));
        if (micro < 0) {
            throw new IllegalArgumentException("must be >= 0 Credits or off: " + value);
        }
        return micro;
    }

    /** The profile as the admin API shows it (the same names {@link #fromJson} accepts). */
    public static ObjectNode toJson(EnforcementProfile p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("concurrency", p.concurrency().wireName());
        o.put("error_style", p.errorStyle().wireName());
        o.put("cancel_billing", p.cancelBilling().wireName());
        o.put("rounding", p.rounding().wireName());
        o.put("reset_zone", p.resetZone().getId());
        o.put("reset_weekday", p.resetWeekday().name().toLowerCase(Locale.ROOT));
        o.put("reset_lag_ms", p.resetLag().toMillis());
        o.put("expiry_off_by_one", p.expiryOffByOneSeconds());
        o.put("period_attribution", p.periodAttribution().wireName());
        o.put("cutoff", p.cutoff());
        o.put("stale_cache_ms", p.staleCache().toMillis());
        o.put("batch_write_ms", p.batchWrite().toMillis());
        o.put("drop_settlement", p.dropSettlementProbability());
        o.put("double_settle", p.doubleSettleProbability());
        o.put("no_refund_on_error", p.noRefundOnError());
        if (p.trustBypassAboveMicroCredits() == null) {
            o.putNull("trust_bypass");
        } else {
            o.put("trust_bypass", Credits.fromMicro(p.trustBypassAboveMicroCredits()));
        }
        o.put("fail_open", p.failOpen());
        o.put("ledger_read_lag", p.ledgerReadLag().spec());
        o.put("usage_reports_granted", p.usageReportsGranted());
        return o;
    }
}
