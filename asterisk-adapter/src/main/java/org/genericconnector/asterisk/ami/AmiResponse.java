package org.genericconnector.asterisk.ami;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The complete answer to one action: the response and, for list actions ({@code EventList: start}), the
 * item events that carried the same ActionID, in wire order, and the closing {@code EventList: Complete}
 * event. Immutable.
 */
public record AmiResponse(AmiMessage message, List<AmiMessage> events, Optional<AmiMessage> completion) {

    public AmiResponse {
        Objects.requireNonNull(message, "message");
        events = List.copyOf(events);
        Objects.requireNonNull(completion, "completion");
    }

    /** A response that is not a list. */
    public static AmiResponse single(AmiMessage message) {
        return new AmiResponse(message, List.of(), Optional.empty());
    }

    public boolean isList() {
        return message.startsList();
    }
}
