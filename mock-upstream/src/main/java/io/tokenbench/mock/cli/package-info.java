/**
 * The command line: {@link io.tokenbench.mock.cli.MockMain} parses options strictly into a {@code
 * MockConfig} (a bad value exits 2 naming the option), starts the server, prints {@code listening
 * on http://HOST:PORT}, and shuts down gracefully on SIGTERM.
 */
package io.tokenbench.mock.cli;
