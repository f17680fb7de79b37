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

    public void send(ClientDestination destination, Event event, String correlationId) {
        sender.send(Outbound.event(destination.jmsDestination(), destination.name(), event, correlationId));
    }

    public void send(ClientAddress address, Event event, String correlationId) {
        sender.send(Outbound.event(address.toJms(), address.name(), event, correlationId));
    }
}
