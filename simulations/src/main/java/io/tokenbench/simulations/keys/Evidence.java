package io.tokenbench.simulations.keys;

/**
 * A check's evidence: a record per check (and per row), serialised by {@link EnforcementJson} with
 * snake_case names; field names carry units ({@code MicroCredits}, {@code Ms}, {@code Share}).
 * Optional fields are {@code @JsonInclude(NON_NULL)}; every other null is written as null.
 */
public interface Evidence {

    /** The evidence of a check that could not be run: only why. */
    record Reason(String reason) implements Evidence {}
}
