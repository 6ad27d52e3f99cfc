package io.tokenbench.mock.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Key secrets: {@code sk-} + 48 alphanumerics (as new-api's {@code GenerateKey}), their SHA-256
 * hash (the only form the store keeps) and the masked form shown after creation (first 4 + {@code
 * **********} + last 4).
 */
public final class KeySecrets {

    static final String PREFIX = "sk-";
    static final int RANDOM_CHARS = 48;
    private static final String ALPHABET =
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private KeySecrets() {}

    public static String generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder(PREFIX.length() + RANDOM_CHARS).append(PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** One digest per thread: key lookup hashes on every request, on event-loop threads. */
    private static final ThreadLocal<MessageDigest> SHA_256 =
            ThreadLocal.withInitial(
                    () -> {
                        try {
                            return MessageDigest.getInstance("SHA-256");
                        } catch (NoSuchAlgorithmException e) {
                            throw new IllegalStateException(
                                    "SHA-256 is required by every Java platform", e);
                        }
                    });

    /** Lower-case hex SHA-256 of the UTF-8 secret. */
    public static String sha256Hex(String secret) {
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** First 4 + {@code **********} + last 4; short strings are masked completely. */
    public static String mask(String secret) {
        if (secret.length() <= 8) {
            return "**********";
        }
        return secret.substring(0, 4) + "**********" + secret.substring(secret.length() - 4);
    }
}
