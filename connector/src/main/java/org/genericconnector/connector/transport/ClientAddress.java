package org.genericconnector.connector.transport;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;

import org.apache.activemq.artemis.jms.client.ActiveMQDestination;

/**
 * A client's destination as the connector names it: a topic (the usual case) or a queue, with the
 * STOMP ({@code /topic/x}) and OpenWire ({@code topic://x}) prefixes taken off, so that the same
 * client is the same destination whichever protocol it speaks. Immutable.
 */
public record ClientAddress(String name, boolean queue) {
    public ClientAddress {
        Objects.requireNonNull(name, "name");
    }

    /** Reads a destination written as text (the body of Hello, Beat, Connect); empty for blank text. */
    public static Optional<ClientAddress> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        for (String prefix : new String[] {"/topic/", "topic://", "temp-topic://", "/temp-topic/", "jms.topic."}) {
            if (lower.startsWith(prefix)) {
                return nonEmpty(s.substring(prefix.length()), false);
            }
        }
        for (String prefix : new String[] {"/queue/", "queue://", "temp-queue://", "/temp-queue/", "jms.queue."}) {
            if (lower.startsWith(prefix)) {
                return nonEmpty(s.substring(prefix.length()), true);
            }
        }
        return Optional.of(new ClientAddress(s, false));
    }

    /** Reads a JMSReplyTo; a STOMP reply-to arrives as a raw string with its prefix, handled by {@link #parse}. */
    public static Optional<ClientAddress> of(Destination destination) throws JMSException {
        if (destination == null) {
            return Optional.empty();
        }
        if (destination instanceof ActiveMQDestination d) {
            return switch (d.getType()) {
                case TOPIC, TEMP_TOPIC -> nonEmpty(d.getAddress(), false).flatMap(a -> parse(a.name()).map(p -> new ClientAddress(p.name(), false)));
                case QUEUE, TEMP_QUEUE -> nonEmpty(d.getAddress(), true);
                default -> parse(d.getAddress());
            };
        }
        if (destination instanceof Topic t) {
            return parse(t.getTopicName()).map(p -> new ClientAddress(p.name(), false));
        }
        if (destination instanceof Queue q) {
            return nonEmpty(q.getQueueName(), true);
        }
        return parse(destination.toString());
    }

    private static Optional<ClientAddress> nonEmpty(String name, boolean queue) {
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(new ClientAddress(name.strip(), queue));
    }

    /** A JMS destination for sending to this address. */
    public Destination toJms() {
        return queue ? ActiveMQDestination.createQueue(name) : ActiveMQDestination.createTopic(name);
    }

    @Override
    public String toString() {
        return (queue ? "queue://" : "") + name;
    }
}
