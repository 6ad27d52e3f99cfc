package io.tokenbench.mock.gate;

import io.tokenbench.mock.openai.ApiError;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The foundation's gate: a fixed set of unlimited keys. Stores SHA-256 hashes of the keys, and the
 * one key last admitted ({@link LastAdmitted}). A missing or unknown key gets 401 {@code
 * invalid_api_key} in the OpenAI style (the body never contains the key). Settlement has nothing to
 * record. Thread-safe and non-blocking.
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

    /**
     * The key a client presented last that hashed to a configured key, so a load test's requests,
     * which all carry the same key, are admitted without hashing it again (SHA-256 plus its hex
     * form was 3% of the mock's CPU per request). Only a configured key ever lands here: a token
     * that is not one is never kept, and a configured key is already held by the configuration for
     * the life of the process, so this keeps no secret the process did not hold anyway. Compared in
     * constant time.
     */
    private record LastAdmitted(String token, Admission.Admitted admission) {}

    private volatile LastAdmitted lastAdmitted;

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
        LastAdmitted last = lastAdmitted;
        if (last != null && sameToken(last.token(), token)) {
            return last.admission();
        }
        Admission.Admitted admitted = byHash.get(hash(token));
        if (admitted == null) {
            return unknownKey;
        }
        lastAdmitted = new LastAdmitted(token, admitted);
        return admitted;
    }

    /** Equal strings, in time that depends only on their lengths. */
    private static boolean sameToken(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
            diff |= a.charAt(i) ^ b.charAt(i);
        }
        return diff == 0;
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
