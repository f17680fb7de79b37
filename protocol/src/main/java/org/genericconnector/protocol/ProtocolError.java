package org.genericconnector.protocol;

import java.util.Objects;

/**
 * A command that could not be turned into a {@link org.genericconnector.protocol.command.Command}.
 *
 * @param errorFor the agent id (or, for Hello/Beat, the client destination) the error event names;
 *                 empty when the message named nobody
 * @param code     the error code sent to the client
 * @param detail   a short reason for the log and, for extension codes, the event; never holds a secret
 */
public record ProtocolError(String errorFor, ErrorCode code, String detail) {
    public ProtocolError {
        Objects.requireNonNull(errorFor, "errorFor");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
