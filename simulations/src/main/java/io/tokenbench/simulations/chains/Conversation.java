package io.tokenbench.simulations.chains;

import io.tokenbench.simulations.feeders.PromptItem;
import io.tokenbench.simulations.feeders.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The state of one multi-turn session in flight: the history sent so far (user turns and the
 * answers actually received) and which turn is next. Confined to the session's event loop.
 */
final class Conversation {
    private final Session source;
    private final long bodyIndex;
    private final List<PromptItem.Message> history = new ArrayList<>();
    private int turn;

    Conversation(Session source, long bodyIndex) {
        this.source = source;
        this.bodyIndex = bodyIndex;
        history.add(new PromptItem.Message("user", source.userTurns().get(0)));
    }

    /** The request index the session started as (its bodies' output length and seed). */
    long bodyIndex() {
        return bodyIndex;
    }

    /** The input of the turn to send now: the system prompt and the whole history. */
    PromptItem item() {
        return new PromptItem(source.system(), history, OptionalInt.empty());
    }

    /**
     * The current turn was answered with {@code answer}: appends it and the next user turn.
     *
     * @return true when another turn follows
     */
    boolean answered(String answer) {
        history.add(new PromptItem.Message("assistant", answer));
        turn++;
        if (turn >= source.userTurns().size()) {
            return false;
        }
        history.add(new PromptItem.Message("user", source.userTurns().get(turn)));
        return true;
    }
}
