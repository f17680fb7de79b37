package org.genericconnector.connector.testing;

import java.time.Duration;
import java.util.function.Predicate;

/** A GC client as a test drives it: sends commands, awaits events on its own topic. */
public interface GcClient extends AutoCloseable {
    Duration TIMEOUT = Duration.ofSeconds(10);

    /** The client's topic name (without protocol prefix). */
    String topic();

    /** Sends a command with JMSReplyTo set to the client's topic. */
    void send(String jmsType, String body, String correlationId);

    /** Sends a command as bytes (a BytesMessage, or a STOMP frame with content-length). */
    void sendBytes(String jmsType, byte[] body, String correlationId);

    /** Sends a command with no JMSReplyTo. */
    void sendNoReplyTo(String jmsType, String body);

    /** Sends one line to a topic (the scenario control), asking for the reply on the client's topic. */
    void sendLine(String topic, String line, String correlationId);

    Inbox inbox();

    default Received await(Predicate<Received> match, String what) {
        return inbox().await(match, TIMEOUT, what);
    }

    /** Awaits an event whose body is exactly {@code body}. */
    default Received awaitBody(String body) {
        return await(r -> r.body().equals(body), "'" + body + "'");
    }

    /** Awaits an event whose body starts with {@code prefix}. */
    default Received awaitPrefix(String prefix) {
        return await(r -> r.body().startsWith(prefix), "starting '" + prefix + "'");
    }

    default void send(String jmsType, String body) {
        send(jmsType, body, null);
    }

    @Override
    void close();
}
