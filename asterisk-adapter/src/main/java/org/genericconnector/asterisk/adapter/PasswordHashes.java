package org.genericconnector.asterisk.adapter;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Checks a password against a hash of conf/asterisk-agents.yaml, in the form {@code gcctl hash-password}
 * writes: {@code pbkdf2-sha256$<iterations>$<salt, base64>$<key, base64>} (PBKDF2WithHmacSHA256, standard
 * base64 with or without padding). The comparison is constant-time. Stateless.
 */
final class PasswordHashes {
    static final String SCHEME = "pbkdf2-sha256";
    /** Fewer iterations than this make a hash too cheap to guess; the file is refused. */
    static final int MIN_ITERATIONS = 100_000;

    private PasswordHashes() {
    }

    static boolean isWellFormed(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            return iterations >= MIN_ITERATIONS && Base64.getDecoder().decode(parts[2]).length >= 8
                    && Base64.getDecoder().decode(parts[3]).length >= 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean verify(String encoded, String password) {
        if (!isWellFormed(encoded)) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        int iterations = Integer.parseInt(parts[1]);
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password.toCharArray(), salt, iterations, expected.length * 8));
    }

    /** Makes a hash (for tests and tools); {@code gcctl hash-password} is the operator's way. */
    static String hash(String password, byte[] salt, int iterations) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password.toCharArray(), salt, iterations, 256));
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        } finally {
            spec.clearPassword();
            java.util.Arrays.fill(password, '\0');
        }
    }
}
