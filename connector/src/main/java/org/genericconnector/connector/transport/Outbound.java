package org.genericconnector.connector.transport;

import jakarta.jms.Destination;

import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventEncoder;

/**
 * One message waiting to be sent: an encoded event (with its selector properties) or a scenario-control
 * reply line (properties null). Immutable.
 */
public record Outbound(Destination destination, String shardKey, String body, String agent, String eventType,
                       String category, String correlationId) {

    public static Outbound event(Destination destination, String shardKey, Event event, String correlationId) {
        return new Outbound(destination, shardKey, EventEncoder.encode(event), event.agentId(), event.type(),
                event.category().wireName(), correlationId);
    }

    public static Outbound line(Destination destination, String text, String correlationId) {
        return new Outbound(destination, String.valueOf(destination), text, null, null, null, correlationId);
    }
}
