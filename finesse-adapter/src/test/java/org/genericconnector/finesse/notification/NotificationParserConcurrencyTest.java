package org.genericconnector.finesse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.genericconnector.finesse.Samples;
import org.junit.jupiter.api.Test;

/** One parser and the shared mapper used from many threads at once give what one thread gets. */
class NotificationParserConcurrencyTest {

    private static final List<String> PAYLOADS = List.of(
            Samples.read("notification-user-login.xml"), Samples.read("notification-dialog-put.xml"),
            Samples.read("notification-dialogs-post.xml"), Samples.read("notification-team-user.xml"),
            Samples.read("notification-error-invalid-device.xml"), Samples.read("notification-queue.xml"));

    @Test
    void sharedParserIsThreadSafe() throws Exception {
        NotificationParser parser = new NotificationParser();
        List<FinesseUpdate> expected = new ArrayList<>();
        for (String payload : PAYLOADS) {
            expected.add(parser.parse(payload));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<List<FinesseUpdate>>> tasks = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                tasks.add(() -> {
                    List<FinesseUpdate> seen = new ArrayList<>();
                    for (int round = 0; round < 50; round++) {
                        for (String payload : PAYLOADS) {
                            seen.add(parser.parse(payload));
                        }
                    }
                    return seen;
                });
            }
            for (Future<List<FinesseUpdate>> result : pool.invokeAll(tasks)) {
                List<FinesseUpdate> seen = result.get();
                for (int i = 0; i < seen.size(); i++) {
                    assertThat(seen.get(i)).isEqualTo(expected.get(i % PAYLOADS.size()));
                }
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
