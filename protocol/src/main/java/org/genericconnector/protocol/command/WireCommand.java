package org.genericconnector.protocol.command;

import java.util.Objects;

/**
 * A command as it travels: the JMSType and the text body of one JMS message.
 *
 * @param jmsType {@code <Command>#<id>}
 * @param body    the comma-separated arguments, possibly empty
 */
public record WireCommand(String jmsType, String body) {
    public WireCommand {
        Objects.requireNonNull(jmsType, "jmsType");
        Objects.requireNonNull(body, "body");
    }

    /** Prints the JMSType only: a body may hold a password. */
    @Override
    public String toString() {
        return "WireCommand[" + jmsType + "]";
    }
}
