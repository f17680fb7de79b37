package org.genericconnector.asterisk.adapter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The e2e tests' door to the adapter's own (package-private) {@link PasswordHashes}: the agents file they write
 * holds hashes made exactly as the adapter checks them. Lives in the adapter's package on the test class path.
 */
public final class AgentPasswordHashes {
    private AgentPasswordHashes() {
    }

    /** A {@code pbkdf2-sha256$100000$<salt>$<key>} hash of {@code password}, with a salt derived from it (tests only). */
    public static String hash(String password) {
        byte[] salt = Arrays.copyOf(("salt-" + password).getBytes(StandardCharsets.UTF_8), 16);
        return PasswordHashes.hash(password, salt, PasswordHashes.MIN_ITERATIONS);
    }

    /** True when the adapter accepts {@code password} for {@code hash}. */
    public static boolean verify(String hash, String password) {
        return PasswordHashes.verify(hash, password);
    }
}
