package org.genericconnector.asterisk.ami;

import java.util.Objects;
import java.util.Optional;

/**
 * A failed AMI action or connection, with its {@link AmiFailureKind} and, for {@link AmiFailureKind#REJECTED}
 * and {@link AmiFailureKind#AUTHENTICATION}, the response Asterisk sent. Messages never contain credentials.
 */
public class AmiException extends Exception {

    private final AmiFailureKind kind;
    private final transient AmiMessage response;

    public AmiException(AmiFailureKind kind, String message, Throwable cause) {
        this(kind, message, cause, null);
    }

    public AmiException(AmiFailureKind kind, String message) {
        this(kind, message, null, null);
    }

    private AmiException(AmiFailureKind kind, String message, Throwable cause, AmiMessage response) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.response = response;
    }

    /** Asterisk answered an action with {@code Response: Error}. */
    public static AmiException rejected(AmiMessage response) {
        return new AmiException(AmiFailureKind.REJECTED, response.getOrEmpty("Message"), null, response);
    }

    /** Asterisk refused a Login or Challenge. */
    public static AmiException authentication(AmiMessage response) {
        return new AmiException(AmiFailureKind.AUTHENTICATION, "login refused: " + response.getOrEmpty("Message"), null, response);
    }

    public AmiFailureKind kind() {
        return kind;
    }

    public boolean isRetriable() {
        return kind.isRetriable();
    }

    /** The response Asterisk sent, when the failure is its answer. */
    public Optional<AmiMessage> response() {
        return Optional.ofNullable(response);
    }

    @Override
    public String toString() {
        return "AmiException[" + kind + "]: " + getMessage();
    }
}
