package org.genericconnector.e2e;

import java.time.Duration;
import java.util.function.Predicate;

import org.genericconnector.connector.testing.Events;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.connector.testing.Received;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventEncoder;

/**
 * Bounded waits on what a client receives, generous for a loaded CI machine (two shared cores): a real adapter
 * talks to a face over TCP between the command and its events. Never sleeps: the inbox wakes on each message.
 */
final class Await {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Await() {
    }

    static Received message(GcClient c, Predicate<Received> match, String what) {
        return c.inbox().await(match, TIMEOUT, what + " on " + c.topic());
    }

    static <T extends Event> T event(GcClient c, Class<T> type, Predicate<T> match, String what) {
        return type.cast(Events.decode(message(c, Events.is(type, match), what)));
    }

    static void system(GcClient c, LinkStatus status) {
        String body = EventEncoder.encode(new Event.SystemStatus(status));
        message(c, r -> r.body().equals(body), body);
    }

    static Event.ErrorEvent error(GcClient c, String agent, ErrorCode code) {
        return event(c, Event.ErrorEvent.class, e -> e.agentId().equals(agent) && e.code() == code, agent + " Error " + code);
    }
}
