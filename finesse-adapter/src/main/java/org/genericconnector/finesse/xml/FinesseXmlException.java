package org.genericconnector.finesse.xml;

import java.util.Objects;

/**
 * Finesse XML that could not be read: the only exception {@link FinesseXml#read} and the
 * notification parser throw. The message says what was wrong and never quotes more than a short
 * excerpt of the input, so it is safe for a log line.
 */
public final class FinesseXmlException extends Exception {

    /** Why the input was refused. */
    public enum Reason {
        /** Null or blank input. */
        EMPTY,
        /** Larger than the reader accepts. */
        TOO_LARGE,
        /** Not well-formed XML (or a DTD / entity declaration, which Finesse never sends). */
        MALFORMED,
        /** Well-formed, but an element's content does not fit the expected type (e.g. text for a number). */
        UNEXPECTED_CONTENT,
        /** A notification with no {@code <notification>} or {@code <Update>} element in it. */
        NOT_AN_UPDATE,
        /** An {@code <Update>} without a required element ({@code event} or {@code source}). */
        MISSING_ELEMENT,
        /** An {@code <Update>} whose {@code event} is not PUT, POST or DELETE. */
        UNKNOWN_EVENT
    }

    private final Reason reason;

    public FinesseXmlException(Reason reason, String message) {
        this(reason, message, null);
    }

    public FinesseXmlException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
