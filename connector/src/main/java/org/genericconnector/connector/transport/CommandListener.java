package org.genericconnector.connector.transport;

import java.util.Optional;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.ProtocolError;
import org.genericconnector.protocol.command.CommandParser;
import org.genericconnector.protocol.command.ParseResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads command messages (TextMessage, or BytesMessage holding UTF-8, as STOMP frames with a
 * content-length arrive) and hands the parsed command or the parse error to a {@link CommandHandler}.
 * Catches everything, so one bad message never stops the consumer. Confined to the JMS session's
 * delivery thread.
 */
final class CommandListener implements MessageListener {
    private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);

    private final CommandParser parser;
    private final CommandHandler handler;
    private final int maxBodyBytes;

    CommandListener(CommandParser parser, CommandHandler handler, int maxBodyBytes) {
        this.parser = parser;
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void onMessage(Message message) {
        Optional<ClientAddress> replyTo = Optional.empty();
        String correlationId = null;
        String type = null;
        try {
            type = message.getJMSType();
            correlationId = message.getJMSCorrelationID();
            replyTo = replyToOf(message);
            ParseResult result = parse(type, message);
            switch (result) {
                case ParseResult.Parsed p -> handler.onCommand(p.command(), replyTo, correlationId);
                case ParseResult.Rejected r -> handler.onRejected(r.error(), replyTo, correlationId);
            }
        } catch (Exception | LinkageError e) {
            LOG.error("GC-CMD-FAILED command {} could not be handled", type, e);
            try {
                handler.onRejected(new ProtocolError(idOf(type), ErrorCode.CF_GENERIC_UNSPECIFIED, "internal error"), replyTo, correlationId);
            } catch (RuntimeException again) {
                LOG.error("GC-CMD-FAILED error reply failed too", again);
            }
        }
    }

    private ParseResult parse(String type, Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return parser.parse(type, text.getText());
        }
        if (message instanceof BytesMessage bytes) {
            long length = bytes.getBodyLength();
            if (length > maxBodyBytes) {
                return new ParseResult.Rejected(new ProtocolError(idOf(type), ErrorCode.MALFORMED_MESSAGE,
                        "body of " + length + " bytes exceeds the limit of " + maxBodyBytes));
            }
            byte[] body = new byte[(int) length];
            bytes.readBytes(body);
            return parser.parse(type, body);
        }
        return new ParseResult.Rejected(new ProtocolError(idOf(type), ErrorCode.MALFORMED_MESSAGE,
                "a command must be a TextMessage or a BytesMessage"));
    }

    private static Optional<ClientAddress> replyToOf(Message message) {
        try {
            return ClientAddress.of(message.getJMSReplyTo());
        } catch (JMSException | RuntimeException e) {
            LOG.debug("unreadable JMSReplyTo", e);
            return Optional.empty();
        }
    }

    private static String idOf(String type) {
        if (type == null || type.indexOf('#') < 0) {
            return "";
        }
        String id = type.substring(type.indexOf('#') + 1).strip();
        return id.length() > 256 || id.chars().anyMatch(Character::isISOControl) ? "" : id;
    }
}
