package org.genericconnector.connector.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a test client has received and not yet claimed. {@link #await} waits for the first message that
 * matches and claims it; other messages stay for later awaits. Thread-safe.
 */
public final class Inbox {
    private final List<Received> unclaimed = new ArrayList<>();

    public synchronized void add(Received r) {
        unclaimed.add(r);
        notifyAll();
    }

    public synchronized Received await(Predicate<Received> match, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (int i = 0; i < unclaimed.size(); i++) {
                if (match.test(unclaimed.get(i))) {
                    return unclaimed.remove(i);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no message " + what + " within " + timeout + "; unclaimed: " + bodies());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }

    public synchronized List<String> bodies() {
        return unclaimed.stream().map(Received::body).toList();
    }

    public synchronized void clear() {
        unclaimed.clear();
    }

    public synchronized List<Received> drain() {
        List<Received> all = new ArrayList<>(unclaimed);
        unclaimed.clear();
        return all;
    }
}
