/**
 * The verifier's wire: chat calls with exact control of streaming and cancellation ({@link
 * io.tokenbench.simulations.keys.http.GatewayClient}, JDK HttpClient, HTTP/1.1), the mock's admin
 * API ({@link io.tokenbench.simulations.keys.http.MockAdmin}), the new-api usage probe ({@link
 * io.tokenbench.simulations.keys.http.UsageProbe}) and the redacted {@link
 * io.tokenbench.simulations.keys.http.Secret} that carries keys without ever printing them.
 */
package io.tokenbench.simulations.keys.http;
