package org.genericconnector.protocol.spi;

import java.time.InstantSource;

import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;

/**
 * What the connector gives an adapter. Thread-safe: every method may be called from any thread, and
 * none blocks (events are queued for sending), so an adapter may call them while holding its own locks.
 */
public interface AdapterContext {

    /**
     * Publishes an event that answers no command (a call ringing, a state changed on the ACD); the
     * connector routes it by {@link Event#agentId()} to the session that owns the agent, and drops it
     * with a debug log line when no session does.
     */
    void publish(Event event);

    /** Reports a change of the link to the ACD. */
    void linkStatusChanged(LinkStatus status);

    /** The clock for timers, timeouts and event times. */
    InstantSource clock();
}
