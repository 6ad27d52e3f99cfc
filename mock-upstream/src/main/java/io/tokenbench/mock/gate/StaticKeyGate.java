package io.tokenbench.mock.gate;

import io.tokenbench.mock.openai.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The foundation's gate: a fixed set of unlimited keys. Stores only SHA-256 hashes of the keys. A
 * missing or unknown key gets 401 {@code invalid_api_key} in the OpenAI style (the body never
 * contains the key). Settlement has nothing to record. Thread-safe and non-blocking.
 */
public final class StaticKeyGate implements RequestGate {

    private static final ThreadLocal<MessageDigest> SHA256 =
            ThreadLocal.withInitial(StaticKeyGate::newDigest);
    private static final String KEY_ID_PREFIX = "key-";
    private final Map<String, Admission.Admitted> byHash;
    private final java.util.Set<String> keyIds;
    private final Admission.Rejected missingKey =
            rejected(ApiError.missingApiKey()).withReason("missing_token");
    private final Admission.Rejected unknownKey =
            rejected(ApiError.incorrectApiKey()).withReason("unknown_key");

    public StaticKeyGate(List<String> apiKeys) {
        if (apiKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one API key is needed");
        }
        Map<String, Admission.Admitted> map = new HashMap<>();
        for (String key : apiKeys) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("an API key is blank");
            }
            String hash = hash(key);
            map.putIfAbsent(
                    hash,
                    Admission.Admitted.unlimited(
                            KEY_ID_PREFIX + hash.substring(0, 12), "static-" + (map.size() + 1)));
        }
        this.byHash = Map.copyOf(map);
        this.keyIds =
                java.util.Set.copyOf(map.values().stream().map(Admission.Admitted::keyId).toList());
    }

    @Override
    public Admission admit(AdmissionRequest request) {
        String token = request.bearerToken();
        if (token == null || token.isEmpty()) {
            return missingKey;
        }
        return Optional.<Admission>ofNullable(byHash.get(hash(token))).orElse(unknownKey);
    }

    /**
     * True when {@code keyId} is one of this gate's keys (as in {@link
     * Admission.Admitted#keyId()}).
     */
    public boolean owns(String keyId) {
        return keyIds.contains(keyId);
    }

    @Override
    public void settle(Settlement settlement) {
        // Unlimited keys: nothing to charge.
    }

    /** Hex SHA-256 of the key's UTF-8 bytes. */
    public static String hash(String key) {
        return HexFormat.of().formatHex(SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static Admission.Rejected rejected(ApiError error) {
        return new Admission.Rejected(error.status(), error.headers(), error.jsonBytes());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the JDK", e);
        }
    }
}
