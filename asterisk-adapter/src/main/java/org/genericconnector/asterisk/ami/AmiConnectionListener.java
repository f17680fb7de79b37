package org.genericconnector.asterisk.ami;

import java.time.Duration;

/**
 * Told when the AMI session starts and ends. Called on the dispatch thread, in order with events (see
 * {@link AmiEventListener} for the rules).
 *
 * <p>{@link #onLoggedIn} is the resync hook: it runs after every successful login, the first and each
 * one after a reconnect, before any event of the new session. Whatever was known before is stale by then:
 * events were lost while disconnected, and after an Asterisk restart there are no queue members and no
 * channels. The adapter runs its snapshot actions here (QueueStatus, CoreShowChannels, DeviceStateList);
 * it should chain on the returned futures rather than block on them.
 */
public interface AmiConnectionListener {

    /** Login accepted; actions may be sent. */
    void onLoggedIn(AmiLoginInfo info);

    /** A logged-in session ended; the client is reconnecting unless it was closed ({@link AmiFailureKind#CLOSED}). */
    void onDisconnected(AmiException cause);

    /** An attempt to connect and log in failed; the next one starts after {@code retryIn}. */
    default void onConnectFailed(AmiException cause, Duration retryIn) {
    }
}
