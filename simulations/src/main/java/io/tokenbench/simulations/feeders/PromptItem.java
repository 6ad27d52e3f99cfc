package io.tokenbench.simulations.feeders;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One request's input: an optional system prompt (a shared prefix, a dataset's system message), the
 * conversation's messages, and the output length the dataset asks for.
 *
 * @param system the system prompt, sent as the first message (chat), {@code instructions}
 *     (responses) or the prompt's start (completions)
 * @param messages the messages after it, the last one the user's
 * @param maxTokens the dataset's output length for this item, or empty
 */
public record PromptItem(Optional<String> system, List<Message> messages, OptionalInt maxTokens) {
    public PromptItem {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a prompt needs at least one message");
        }
    }

    /** A single user message. */
    public static PromptItem user(String text) {
        return new PromptItem(
                Optional.empty(), List.of(new Message("user", text)), OptionalInt.empty());
    }

    /** The last message's text (media requests and logs use it). */
    public String lastText() {
        return messages.get(messages.size() - 1).content();
    }

    /** One chat message. */
    public record Message(String role, String content) {
        private static final List<String> ROLES =
                List.of("system", "developer", "user", "assistant", "tool");

        public Message {
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("role '" + role + "' is not one of " + ROLES);
            }
        }
    }
}
