/**
 * HTTPS for the mock ({@code --tls}): a certificate authority generated at start (BouncyCastle), a
 * server certificate for the loopback names, optional client certificates for mutual TLS, and the
 * PEM files clients need.
 */
package io.tokenbench.mock.tls;
