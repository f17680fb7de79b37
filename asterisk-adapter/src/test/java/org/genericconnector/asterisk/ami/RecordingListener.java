package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records every callback a client makes, for tests to wait on. Thread-safe. */
final class RecordingListener implements AmiConnectionListener, AmiEventListener {

    record Failed(AmiException cause, Duration retryIn) {
    }

    final BlockingQueue<AmiLoginInfo> logins = new LinkedBlockingQueue<>();
    final BlockingQueue<AmiException> disconnects = new LinkedBlockingQueue<>();
    final BlockingQueue<Failed> connectFailures = new LinkedBlockingQueue<>();
    final BlockingQueue<AmiMessage> events = new LinkedBlockingQueue<>();
    /** Every callback in delivery order: "loggedIn", "disconnected:KIND", "event:Name". */
    final List<String> order = new CopyOnWriteArrayList<>();

    @Override
    public void onLoggedIn(AmiLoginInfo info) {
        order.add("loggedIn");
        logins.add(info);
    }

    @Override
    public void onDisconnected(AmiException cause) {
        order.add("disconnected:" + cause.kind());
        disconnects.add(cause);
    }

    @Override
    public void onConnectFailed(AmiException cause, Duration retryIn) {
        order.add("connectFailed:" + cause.kind());
        connectFailures.add(new Failed(cause, retryIn));
    }

    @Override
    public void onEvent(AmiMessage event) {
        order.add("event:" + event.name());
        events.add(event);
    }

    AmiLoginInfo awaitLogin() throws InterruptedException {
        return await(logins, "a login");
    }

    AmiException awaitDisconnect() throws InterruptedException {
        return await(disconnects, "a disconnect");
    }

    Failed awaitConnectFailure() throws InterruptedException {
        return await(connectFailures, "a failed connect");
    }

    AmiMessage awaitEvent() throws InterruptedException {
        return await(events, "an event");
    }

    private static <T> T await(BlockingQueue<T> queue, String what) throws InterruptedException {
        T item = queue.poll(10, TimeUnit.SECONDS);
        assertThat(item).as("waited for " + what).isNotNull();
        return item;
    }
}
