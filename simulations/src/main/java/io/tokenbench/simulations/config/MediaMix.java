package io.tokenbench.simulations.config;

import io.tokenbench.reports.record.EndpointClass;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The mixed scenario's traffic mix: an arrival rate in requests/s per endpoint class ({@code --mix
 * chat=4,embeddings=10,images=1,speech=2,transcription=1,video=0.2}). Classes left out get no
 * traffic. Immutable; parsed strictly (unknown class, repeated class, a value that is not a
 * non-negative finite number, or all zero is an {@link IllegalArgumentException} saying which).
 */
public record MediaMix(Map<EndpointClass, Double> ratesPerSec) {
    /** Chat-heavy, with every other class present and video jobs rare. */
    public static final String DEFAULT =
            "chat=4,embeddings=4,images=0.5,speech=1,transcription=1,video=0.2";

    public MediaMix {
        EnumMap<EndpointClass, Double> copy = new EnumMap<>(EndpointClass.class);
        ratesPerSec.forEach(
                (c, r) -> {
                    if (!(r >= 0) || Double.isInfinite(r)) {
                        throw new IllegalArgumentException(
                                c.wireName() + ": rate must be a finite number >= 0, got " + r);
                    }
                    if (r > 0) {
                        copy.put(c, r);
                    }
                });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("needs at least one class with a rate > 0");
        }
        ratesPerSec = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses {@code class=rate,...}; throws {@link IllegalArgumentException} saying what is wrong.
     */
    public static MediaMix parse(String text) {
        Map<EndpointClass, Double> rates = new EnumMap<>(EndpointClass.class);
        for (String item : text.split(",", -1)) {
            String[] kv = item.strip().split("=", -1);
            if (kv.length != 2 || kv[0].isBlank()) {
                throw new IllegalArgumentException(
                        "'" + item.strip() + "' is not class=rate (classes: " + classNames() + ")");
            }
            String name = kv[0].strip();
            EndpointClass c =
                    EndpointClass.fromWireName(name)
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "unknown endpoint class '"
                                                            + name
                                                            + "' (one of "
                                                            + classNames()
                                                            + ")"));
            double rate;
            try {
                rate = Double.parseDouble(kv[1].strip().replaceFirst("/s$", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        name + ": '" + kv[1].strip() + "' is not a number");
            }
            if (rates.put(c, rate) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return new MediaMix(rates);
    }

    /** Sum of the class rates: the rate of the merged Poisson stream. */
    public double totalRatePerSec() {
        double sum = ratesPerSec.values().stream().mapToDouble(Double::doubleValue).sum();
        return Math.round(sum * 1e9) / 1e9; // 4 + 0.5 + 0.2 is 4.7, not 4.700000000000001
    }

    /** The share of arrivals that are of class {@code c} (0 when absent). */
    public double share(EndpointClass c) {
        return ratesPerSec.getOrDefault(c, 0.0) / totalRatePerSec();
    }

    /** {@code chat=4,video=0.2}, in class order. */
    public String describe() {
        return ratesPerSec.entrySet().stream()
                .map(
                        e ->
                                e.getKey().wireName()
                                        + "="
                                        + String.format(Locale.ROOT, "%s", trim(e.getValue())))
                .collect(Collectors.joining(","));
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String classNames() {
        return Arrays.stream(EndpointClass.values())
                .map(EndpointClass::wireName)
                .collect(Collectors.joining(", "));
    }
}
