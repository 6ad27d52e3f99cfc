package io.tokenbench.simulations.config;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw parameter text from the command line and system properties, with typed, strict accessors that
 * throw {@link ParameterException} naming the parameter. Parsed once into {@link RunParameters}.
 */
public final class ParameterSource {
    private final Map<Parameter, String> values;

    private ParameterSource(Map<Parameter, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Reads {@code --name value} / {@code --name=value} options; {@code systemProperties} supplies
     * values the command line did not give. Unknown options and missing values are errors.
     */
    public static ParameterSource of(List<String> options, Map<String, String> systemProperties) {
        Map<Parameter, String> values = new HashMap<>();
        for (Parameter p : Parameter.values()) {
            String fromProperty = systemProperties.get(p.key());
            if (fromProperty != null) {
                values.put(p, fromProperty);
            }
        }
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (!option.startsWith("--")) {
                throw new ParameterException(
                        option, "unexpected argument (options look like --name value)");
            }
            String name = option.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            Parameter p = Parameter.byKey(name);
            if (p == null) {
                throw new ParameterException(name, "unknown option (see --help)");
            }
            if (value == null) {
                if (i + 1 >= options.size()) {
                    throw new ParameterException(name, "missing value");
                }
                value = options.get(++i);
            }
            values.put(p, value);
        }
        return new ParameterSource(values);
    }

    /** Only system properties (the route of Gatling's own launcher or the Maven plugin). */
    public static ParameterSource fromSystemProperties() {
        Map<String, String> props = new HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        return of(List.of(), props);
    }

    /** True when the parameter was given explicitly (not defaulted). */
    public boolean isSet(Parameter p) {
        return values.containsKey(p);
    }

    /** The given value, else the default, else empty. */
    public Optional<String> text(Parameter p) {
        String v = values.getOrDefault(p, p.defaultValue());
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String require(Parameter p) {
        return text(p).orElseThrow(() -> new ParameterException(p.key(), "is required"));
    }

    public Duration duration(Parameter p) {
        return Durations.parse(p.key(), require(p));
    }

    public int positiveInt(Parameter p) {
        String t = require(p);
        try {
            int v = Integer.parseInt(t);
            if (v < 1) {
                throw new ParameterException(p.key(), "must be >= 1, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ParameterException(p.key(), "'" + t + "' is not a whole number");
        }
    }

    public long longValue(Parameter p) {
        String t = require(p);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new ParameterException(p.key(), "'" + t + "' is not a whole number");
        }
    }

    public double positiveDouble(Parameter p) {
        String t = require(p);
        try {
            double v = Double.parseDouble(t);
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new ParameterException(p.key(), "must be > 0, got " + t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ParameterException(p.key(), "'" + t + "' is not a number");
        }
    }

    public boolean bool(Parameter p) {
        String t = require(p);
        return switch (t) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new ParameterException(p.key(), "'" + t + "' is not true or false");
        };
    }
}
