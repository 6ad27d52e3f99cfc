/**
 * Emulated PowerTokens API keys: secrets (generation, SHA-256 hashing, masking), the per-key ledger
 * state updated lock-free by compare-and-set, resets and expiry rules applied to it, and the {@link
 * io.tokenbench.mock.keys.KeyStore} that finds a key by the hash of its secret. The full secret
 * exists only in the return value of {@link io.tokenbench.mock.keys.KeyStore#create}.
 */
package io.tokenbench.mock.keys;
