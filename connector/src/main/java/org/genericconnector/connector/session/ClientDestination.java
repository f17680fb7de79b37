package org.genericconnector.connector.session;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.jms.Destination;

import org.genericconnector.connector.transport.ClientAddress;

/**
 * A client's topic (or queue) known to the connector: where its agents' events go, when it last sent a
 * command, and which agents it holds. Thread-safe: the agent set is concurrent, the time volatile.
 */
public final class ClientDestination {
    private final ClientAddress address;
    private final Destination jmsDestination;
    private final Set<String> agents = ConcurrentHashMap.newKeySet();
    private volatile Instant lastSeen;

    public ClientDestination(ClientAddress address, Instant now) {
        this.address = address;
        this.jmsDestination = address.toJms();
        this.lastSeen = now;
    }

    public ClientAddress address() {
        return address;
    }

    public String name() {
        return address.name();
    }

    /** The JMS destination events are sent to; shared, immutable once created. */
    public Destination jmsDestination() {
        return jmsDestination;
    }

    public void touch(Instant now) {
        lastSeen = now;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    /** The agents bound to this destination now (a live view). */
    public Set<String> agents() {
        return agents;
    }

    @Override
    public String toString() {
        return address.toString();
    }
}
