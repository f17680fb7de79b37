package org.genericconnector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrackerTest {
    private static final String STATE = "100001#State#NOT_READY#-1#2026-01-05T08:00:00Z##1767600000000#A B#100001#100001##A B#u100001";

    @Test
    void aLateAnswerToAnEarlierRunIsNotCounted() {
        Tracker earlier = new Tracker();
        Tracker now = new Tracker();
        earlier.sending(0, 0);
        now.sending(0, 0);
        now.received(null, STATE, earlier.correlation(0), 1_000_000);
        assertThat(now.answered()).isZero();
        now.received(null, STATE, now.correlation(0), 1_000_000);
        assertThat(now.answered()).isOne();
        assertThat(now.histogram().getMaxValue()).isEqualTo(1000);
    }

    @Test
    void anAnswerThatIsNotAStateEventIsAnError() {
        Tracker t = new Tracker();
        t.sending(0, 0);
        t.received(null, "100001#Error#PLEASE_RETRY", t.correlation(0), 10);
        assertThat(t.errors()).isOne();
        assertThat(t.answered()).isOne();
    }
}
