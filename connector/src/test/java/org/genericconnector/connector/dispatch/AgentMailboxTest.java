package org.genericconnector.connector.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AgentMailboxTest {

    private static MailboxTask task(Runnable r, List<String> failed, String name) {
        return new MailboxTask() {
            @Override
            public void run() {
                r.run();
            }

            @Override
            public void fail(String reason) {
                failed.add(name);
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void oneAgentsTasksRunInOrderAndNeverOverlap() {
        Dispatcher dispatcher = new Dispatcher(10_000);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1000);
        List<String> failed = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            assertThat(dispatcher.submit("a", task(() -> { seen.add(n); done.countDown(); }, failed, "t"))).isTrue();
        }
        await(done);
        assertThat(seen).hasSize(1000).isSorted();
    }

    @Test
    void aSlowAgentDoesNotDelayAnother() {
        Dispatcher dispatcher = new Dispatcher(10);
        CountDownLatch slowMayFinish = new CountDownLatch(1);
        CountDownLatch fastDone = new CountDownLatch(1);
        List<String> failed = new CopyOnWriteArrayList<>();
        dispatcher.submit("slow", task(() -> await(slowMayFinish), failed, "slow"));
        dispatcher.submit("fast", task(fastDone::countDown, failed, "fast"));
        await(fastDone);
        slowMayFinish.countDown();
    }

    @Test
    void aFullMailboxRefusesMoreAndShutdownFailsWhatIsQueuedThenWhatStillRuns() {
        Dispatcher dispatcher = new Dispatcher(3);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> failed = new CopyOnWriteArrayList<>();
        dispatcher.submit("a", task(() -> { running.countDown(); await(release); }, failed, "first"));
        await(running);
        assertThat(dispatcher.submit("a", task(() -> { }, failed, "second"))).isTrue();
        assertThat(dispatcher.submit("a", task(() -> { }, failed, "third"))).isTrue();
        assertThat(dispatcher.submit("a", task(() -> { }, failed, "fourth"))).as("over capacity").isFalse();
        Thread.ofVirtual().start(() -> dispatcher.shutdown(Duration.ofMillis(200)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (failed.size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        release.countDown();
        assertThat(failed).containsExactly("second", "third", "first");
        assertThat(dispatcher.submit("b", task(() -> { }, failed, "late"))).as("stopped").isFalse();
    }
}
