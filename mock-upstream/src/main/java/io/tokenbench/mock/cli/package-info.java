/**
 * The command line ({@code ./tokenbench mock}): {@link io.tokenbench.mock.cli.MockCommand} is the
 * picocli command (options, typed converters, defaults from their one home), {@link
 * io.tokenbench.mock.cli.MockMain} runs it, starts the server, prints {@code listening on
 * http://HOST:PORT}, and shuts down gracefully on SIGTERM. A bad value exits 2 naming the option; a
 * port that cannot be bound exits 1.
 */
package io.tokenbench.mock.cli;
