package org.genericconnector.connector.testing;

import java.util.function.Predicate;

import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventDecoder;

/** Predicates on received messages read back as typed events with the protocol's own decoder. */
public final class Events {
    private Events() {
    }

    public static Event decode(Received r) {
        return EventDecoder.decodeOrThrow(r.body());
    }

    /** Matches a message that decodes to a {@code type} event accepted by {@code match}. */
    public static <T extends Event> Predicate<Received> is(Class<T> type, Predicate<T> match) {
        return r -> {
            try {
                Event e = EventDecoder.decodeOrThrow(r.body());
                return type.isInstance(e) && match.test(type.cast(e));
            } catch (RuntimeException notAnEvent) {
                return false;
            }
        };
    }

    public static <T extends Event> T await(GcClient client, Class<T> type, Predicate<T> match, String what) {
        return type.cast(decode(client.await(is(type, match), what)));
    }
}
