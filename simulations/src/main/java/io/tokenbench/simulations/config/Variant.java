package io.tokenbench.simulations.config;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One side of a model comparison: a model and optional parameter overrides, written {@code
 * model[,temperature=T][,max_tokens=N]}; several are separated by {@code ;}.
 */
public record Variant(String model, OptionalDouble temperature, OptionalInt maxTokens) {
    public Variant {
        if (model == null || model.isBlank() || !model.matches("[A-Za-z0-9._:/-]+")) {
            throw new IllegalArgumentException("bad model id '" + model + "'");
        }
    }

    /** A short label for report columns, e.g. {@code MiniMax-M3 t=0.7 max=64}. */
    public String label() {
        StringBuilder b = new StringBuilder(model);
        temperature.ifPresent(t -> b.append(" t=").append(t));
        maxTokens.ifPresent(m -> b.append(" max=").append(m));
        return b.toString();
    }

    /** The lane (and run folder) name: the label with anything but {@code [A-Za-z0-9._-]} as _. */
    public String laneName() {
        return label().replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /**
     * Parses {@code variant;variant;...} (at least two); anything else throws an {@link
     * IllegalArgumentException} naming the bad variant.
     */
    public static List<Variant> parseList(String text) {
        List<Variant> variants = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] fields = part.trim().split(",");
            OptionalDouble temperature = OptionalDouble.empty();
            OptionalInt maxTokens = OptionalInt.empty();
            try {
                for (int i = 1; i < fields.length; i++) {
                    String[] kv = fields[i].trim().split("=", 2);
                    if (kv.length != 2) {
                        throw new IllegalArgumentException("'" + fields[i] + "' is not key=value");
                    }
                    switch (kv[0]) {
                        case "temperature" ->
                                temperature = OptionalDouble.of(Double.parseDouble(kv[1]));
                        case "max_tokens" -> maxTokens = OptionalInt.of(Integer.parseInt(kv[1]));
                        default ->
                                throw new IllegalArgumentException(
                                        "unknown setting '" + kv[0] + "'");
                    }
                }
                variants.add(new Variant(fields[0].trim(), temperature, maxTokens));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + part.trim() + "': " + e.getMessage(), e);
            }
        }
        if (variants.size() < 2) {
            throw new IllegalArgumentException("needs at least two variants separated by ';'");
        }
        return List.copyOf(variants);
    }
}
