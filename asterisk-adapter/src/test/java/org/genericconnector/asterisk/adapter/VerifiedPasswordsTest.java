package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {
    private static final String HASH = PasswordHashes.hash("pw-1003", new byte[16], PasswordHashes.MIN_ITERATIONS);

    @Test
    void aRightPasswordIsHashedOnceThenRemembered() {
        VerifiedPasswords passwords = new VerifiedPasswords();
        assertThat(passwords.verify("1003", HASH, "pw-1003")).isTrue();
        assertThat(passwords.verify("1003", HASH, "pw-1003")).isTrue();
        assertThat(passwords.hashed()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsNeverRememberedNorTakenForTheRightOne() {
        VerifiedPasswords passwords = new VerifiedPasswords();
        assertThat(passwords.verify("1003", HASH, "guess")).isFalse();
        assertThat(passwords.verify("1003", HASH, "guess")).isFalse();
        assertThat(passwords.hashed()).isEqualTo(2);
        assertThat(passwords.verify("1003", HASH, "pw-1003")).isTrue();
        assertThat(passwords.verify("1003", HASH, "pw-10031")).isFalse(); // remembered right one: others still hashed
        assertThat(passwords.hashed()).isEqualTo(4);
    }

    @Test
    void aChangedHashInTheFileIsCheckedAgain() {
        VerifiedPasswords passwords = new VerifiedPasswords();
        assertThat(passwords.verify("1003", HASH, "pw-1003")).isTrue();
        String changed = PasswordHashes.hash("new-pw", new byte[16], PasswordHashes.MIN_ITERATIONS);
        assertThat(passwords.verify("1003", changed, "pw-1003")).isFalse();
        assertThat(passwords.verify("1003", changed, "new-pw")).isTrue();
        assertThat(passwords.hashed()).isEqualTo(3);
    }

    @Test
    void checksRunNoMoreAtOnceThanAllowed() throws Exception {
        VerifiedPasswords passwords = new VerifiedPasswords(1);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger right = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String agent = "10" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (passwords.verify(agent, HASH, "pw-1003")) {
                    right.incrementAndGet();
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(right.get()).isEqualTo(6);
        assertThat(passwords.hashed()).isEqualTo(6);
        assertThat(passwords.mostAtOnce()).isEqualTo(1);
    }
}
