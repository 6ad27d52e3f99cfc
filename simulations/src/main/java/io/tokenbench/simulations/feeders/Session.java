package io.tokenbench.simulations.feeders;

import java.util.List;
import java.util.Optional;

/**
 * One multi-turn session of a dataset: an optional system prompt and the user's turns, in order.
 * The assistant's turns are not here: each is the answer the target actually gave.
 */
public record Session(Optional<String> system, List<String> userTurns) {
    public Session {
        userTurns = List.copyOf(userTurns);
        if (userTurns.isEmpty()) {
            throw new IllegalArgumentException("a session needs at least one user turn");
        }
    }

    /** The first request of the session: the system prompt and the first turn. */
    public PromptItem firstItem() {
        return new PromptItem(
                system,
                List.of(new PromptItem.Message("user", userTurns.get(0))),
                java.util.OptionalInt.empty());
    }
}
