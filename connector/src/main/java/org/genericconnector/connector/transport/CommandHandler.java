package org.genericconnector.connector.transport;

import java.util.Optional;

import org.genericconnector.protocol.ProtocolError;
import org.genericconnector.protocol.command.Command;

/**
 * What the transport hands each command message to. Called on the JMS listener thread, one message at a
 * time: implementations must return quickly and never block on the ACD.
 */
public interface CommandHandler {

    /** A command that parsed; {@code replyTo} is the message's JMSReplyTo, if it had one. */
    void onCommand(Command command, Optional<ClientAddress> replyTo, String correlationId);

    /** A message that did not parse. */
    void onRejected(ProtocolError error, Optional<ClientAddress> replyTo, String correlationId);
}
