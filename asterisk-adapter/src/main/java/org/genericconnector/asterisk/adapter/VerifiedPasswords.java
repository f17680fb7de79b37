package org.genericconnector.asterisk.adapter;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The password checks of Connect and Login. PBKDF2 is slow on purpose (tens of milliseconds per check), and a
 * shift start checks thousands at once, each agent twice (Connect, then Login). So at most one check per
 * processor hashes at a time (the others wait their turn in order instead of all slowing down together past
 * the command timeout), and a password found right is remembered as an HMAC under a key made at start-up: the
 * Login after a Connect costs microseconds. A wrong password is never remembered, so every guess costs the
 * full hash. A changed hash in the agents file is a new check. Thread-safe.
 */
final class VerifiedPasswords {
    private record Remembered(String encoded, byte[] mac) {
    }

    private final SecretKeySpec key;
    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    private final Semaphore hashing;
    private final AtomicLong hashed = new AtomicLong();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    VerifiedPasswords() {
        this(Runtime.getRuntime().availableProcessors());
    }

    VerifiedPasswords(int parallelHashes) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        key = new SecretKeySpec(secret, "HmacSHA256");
        hashing = new Semaphore(Math.max(1, parallelHashes), true);
    }

    boolean verify(String agentId, String encoded, String password) {
        byte[] mac = mac(password);
        Remembered known = verified.get(agentId);
        if (known != null && known.encoded().equals(encoded) && MessageDigest.isEqual(known.mac(), mac)) {
            return true;
        }
        boolean right;
        hashing.acquireUninterruptibly();
        try {
            mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
            hashed.incrementAndGet();
            right = PasswordHashes.verify(encoded, password);
        } finally {
            inside.decrementAndGet();
            hashing.release();
        }
        if (right) {
            verified.put(agentId, new Remembered(encoded, mac));
        }
        return right;
    }

    /** PBKDF2 checks run so far (for tests). */
    long hashed() {
        return hashed.get();
    }

    /** The most checks that ran at once (for tests). */
    int mostAtOnce() {
        return mostAtOnce.get();
    }

    private byte[] mac(String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }
}
