package io.tokenbench.mock.enforcement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenbench.mock.billing.CancelBilling;
import io.tokenbench.mock.billing.Credits;
import io.tokenbench.mock.billing.PeriodAttribution;
import io.tokenbench.mock.billing.Rounding;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Strict parsing of {@link EnforcementProfile} settings at the edge: from a JSON object (the admin
 * API, snake_case names) and from command-line pairs {@code --name value} (dash-case names,
 * underscores also accepted). Unknown names, wrong JSON types and bad values fail with a {@link
 * ProfileOptionException} naming the option; nothing falls back to a default silently.
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
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * One line of the mock's {@code --help}: option, value placeholder, description with the
     * default.
     */
    public record OptionDoc(String option, String value, String description) {}

    /** Help text for every enforcement option, in {@link #optionNames()} order. */
    public static List<OptionDoc> docs() {
        return List.of(
                new OptionDoc(
                        "--concurrency",
                        "MODE",
                        "check_then_act (racy, as new-api) or atomic (hard cap) (default check_then_act)"),
                new OptionDoc(
                        "--error-style",
                        "STYLE",
                        "rejections as newapi, openai, openrouter or litellm (default newapi)"),
                new OptionDoc(
                        "--cancel-billing",
                        "MODE",
                        "client disconnect billed: tokens_emitted, zero, input_only, full (default tokens_emitted)"),
                new OptionDoc(
                        "--rounding",
                        "MODE",
                        "per-request cost rounding: half_away_from_zero, ceil, none (default half_away_from_zero)"),
                new OptionDoc(
                        "--reset-zone",
                        "ZONE",
                        "zone of reset boundaries, e.g. Asia/Shanghai (default UTC)"),
                new OptionDoc(
                        "--reset-weekday",
                        "DAY",
                        "first day of weekly periods, monday..sunday (default monday)"),
                new OptionDoc(
                        "--reset-lag-ms", "MS", "fault: resets applied this late (default 0)"),
                new OptionDoc(
                        "--expiry-off-by-one",
                        "SECONDS",
                        "fault: shift the expiry check, -1 rejects the exact expiry second (default 0)"),
                new OptionDoc(
                        "--period-attribution",
                        "WHICH",
                        "a request crossing a reset is charged to its settlement or admission period (default settlement)"),
                new OptionDoc(
                        "--cutoff",
                        "BOOL",
                        "end streams with finish_reason length when the key's Credits run out (default false)"),
                new OptionDoc(
                        "--stale-cache-ms",
                        "MS",
                        "fault: check_then_act admission reads a key snapshot up to this old (default 0)"),
                new OptionDoc(
                        "--batch-write-ms",
                        "MS",
                        "fault: settlements reach the ledger this late (default 0)"),
                new OptionDoc(
                        "--drop-settlement",
                        "P",
                        "fault: probability a settlement is never applied (default 0)"),
                new OptionDoc(
                        "--double-settle",
                        "P",
                        "fault: probability a settlement is applied twice (default 0)"),
                new OptionDoc(
                        "--no-refund-on-error",
                        "BOOL",
                        "fault: keep the reservation after an upstream error before the first byte (default false)"),
                new OptionDoc(
                        "--trust-bypass",
                        "CREDITS",
                        "fault: keys with more remaining than this reserve nothing; off disables (default off)"),
                new OptionDoc(
                        "--fail-open",
                        "BOOL",
                        "fault: do not enforce status, expiry or limits (default false)"));
    }

    /** The JSON names, for example {@code error_style}. */
    public static List<String> settingNames() {
        return List.copyOf(SETTINGS.keySet());
    }

    /** The command-line names, for example {@code --error-style}. */
    public static List<String> optionNames() {
        return SETTINGS.keySet().stream().map(n -> "--" + n.replace('_', '-')).toList();
    }

    /** True when {@code option} (with leading dashes) is an enforcement option. */
    public static boolean isOption(String option) {
        return option.startsWith("--")
                && SETTINGS.containsKey(option.substring(2).replace('-', '_'));
    }

    /** Parses {@code --name value} pairs, every one of which must be an enforcement option. */
    public static EnforcementProfile fromArgs(EnforcementProfile base, List<String> args) {
        EnforcementProfile p = base;
        for (int i = 0; i < args.size(); i += 2) {
            String option = args.get(i);
            if (!isOption(option)) {
                throw new ProfileOptionException(
                        option, "unknown option; known: " + String.join(", ", optionNames()));
            }
            if (i + 1 >= args.size()) {
                throw new ProfileOptionException(option, "needs a value");
            }
            p = withOption(p, option, args.get(i + 1));
        }
        return p;
    }

    /** Applies one command-line option ({@code --error-style openai}). */
    public static EnforcementProfile withOption(
            EnforcementProfile base, String option, String value) {
        if (!isOption(option)) {
            throw new ProfileOptionException(
                    option, "unknown option; known: " + String.join(", ", optionNames()));
        }
        return with(base, option.substring(2).replace('-', '_'), option, value);
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
            p = with(p, name, name, jsonText(name, kind, field.getValue()));
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

    private static EnforcementProfile with(
            EnforcementProfile p, String name, String shownAs, String value) {
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
                default -> throw new ProfileOptionException(shownAs, "unknown setting");
            }
            return b.build();
        } catch (ProfileOptionException e) {
            throw e;
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new ProfileOptionException(shownAs, strip(e.getMessage(), name));
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
        return o;
    }
}
