package org.genericconnector.bench;

import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Matches answers to commands by correlation id ({@code b<run>-<n>}, the run's own number first, so that a
 * late answer to an earlier run is never counted in this one) and records the latency from each
 * command's <em>intended</em> send time (open loop) or actual send time (closed loop) in microseconds.
 * Commands numbered below {@code recordFrom} are warm-up and not recorded. An answer that is not a State
 * event counts as an error. Thread-safe: called from every client's delivery thread.
 */
final class Tracker implements LoadClient.Sink {
    private static final int SLOTS = 1 << 21;
    private static final long MAX_MICROS = 120_000_000L;

    /** Called after each matched answer (the closed loop sends its next command from here). */
    interface OnAnswer {
        void answered(LoadClient client);
    }

    private static final AtomicLong RUNS = new AtomicLong();

    private final String prefix = "b" + RUNS.incrementAndGet() + "-";
    private final long[] sentAt = new long[SLOTS];
    private final Histogram histogram = new ConcurrentHistogram(MAX_MICROS, 3);
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong lastAnswerNanos = new AtomicLong();
    private volatile long recordFrom;
    private volatile OnAnswer onAnswer = c -> { };

    void onAnswer(OnAnswer onAnswer) {
        this.onAnswer = onAnswer;
    }

    void recordFrom(long id) {
        this.recordFrom = id;
    }

    /** Notes when command {@code id} was (meant to be) sent; call before sending it. */
    void sending(long id, long nanos) {
        sentAt[(int) (id & (SLOTS - 1))] = nanos;
    }

    String correlation(long id) {
        return prefix + id;
    }

    @Override
    public void received(LoadClient client, String body, String correlationId, long now) {
        if (correlationId == null || !correlationId.startsWith(prefix)) {
            return;
        }
        long id = Long.parseLong(correlationId, prefix.length(), correlationId.length(), 10);
        if (body.indexOf("#State#") < 0) {
            errors.incrementAndGet();
            ErrorSamples.note(body);
        }
        if (id >= recordFrom) {
            long micros = Math.max(0, (now - sentAt[(int) (id & (SLOTS - 1))]) / 1_000);
            histogram.recordValue(Math.min(micros, MAX_MICROS));
            recorded.incrementAndGet();
        }
        answered.incrementAndGet();
        lastAnswerNanos.set(now);
        onAnswer.answered(client);
    }

    long answered() {
        return answered.get();
    }

    long recorded() {
        return recorded.get();
    }

    long errors() {
        return errors.get();
    }

    long lastAnswerNanos() {
        return lastAnswerNanos.get();
    }

    Histogram histogram() {
        return histogram;
    }
}
