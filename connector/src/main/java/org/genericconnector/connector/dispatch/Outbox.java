package org.genericconnector.connector.dispatch;

import org.genericconnector.connector.session.ClientDestination;
import org.genericconnector.connector.transport.ClientAddress;
import org.genericconnector.connector.transport.EventSender;
import org.genericconnector.connector.transport.Outbound;
import org.genericconnector.protocol.event.Event;

/** Encodes events and queues them for a client destination. Thread-safe, as {@link EventSender} is. */
public final class Outbox {
    private final EventSender sender;

    public Outbox(EventSender sender) {
        this.sender = sender;
    }

    /** Queues an event for sending by the destination's sender thread; never blocks. */
    public void send(ClientDestination destination, Event event, String correlationId) {
        sender.send(Outbound.event(destination.jmsDestination(), destination.name(), event, correlationId));
    }

    public void send(ClientAddress address, Event event, String correlationId) {
        sender.send(Outbound.event(address.toJms(), address.name(), event, correlationId));
    }

    /**
     * Queues an event that the calling mailbox thread sends itself with {@link #flush} once it has left the
     * adapter (no hand-off to a sender thread); in order with everything else queued for the destination.
     */
    public void queue(ClientDestination destination, Event event, String correlationId) {
        sender.queue(Outbound.event(destination.jmsDestination(), destination.name(), event, correlationId));
    }

    /** Sends what is queued for the destination from the calling (mailbox) thread; may wait on the broker. */
    public void flush(ClientDestination destination) {
        sender.flush(destination.name());
    }
}
