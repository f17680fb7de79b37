package org.genericconnector.servicemanager;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition with a deadline, showing progress on stderr ("waiting for X ..." then a dot a
 * second, then "ok" or "timed out"). Polls; never a fixed sleep beyond the poll interval.
 */
public final class Progress {
    private static final Duration POLL = Duration.ofMillis(100);

    private Progress() {
    }

    /** True when {@code done} became true before {@code timeout}. */
    public static boolean await(PrintWriter err, String what, Duration timeout, BooleanSupplier done) {
        Instant deadline = Instant.now().plus(timeout);
        Instant nextDot = Instant.now().plusSeconds(1);
        err.print(what + " ");
        err.flush();
        try {
            while (Instant.now().isBefore(deadline)) {
                if (done.getAsBoolean()) {
                    err.println(" ok");
                    err.flush();
                    return true;
                }
                if (Instant.now().isAfter(nextDot)) {
                    err.print('.');
                    err.flush();
                    nextDot = nextDot.plusSeconds(1);
                }
                Thread.sleep(POLL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean last = done.getAsBoolean();
        err.println(last ? " ok" : " timed out after " + timeout.toSeconds() + "s");
        err.flush();
        return last;
    }
}
