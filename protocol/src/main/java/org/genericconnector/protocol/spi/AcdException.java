package org.genericconnector.protocol.spi;

import java.util.Objects;

import org.genericconnector.protocol.ErrorCode;

/**
 * A command the ACD could not perform, classified where it entered so the connector knows whether
 * trying again can help. The message is for the log and must not hold a secret.
 */
public final class AcdException extends Exception {

    /** Why the command failed. */
    public enum Kind {
        /** The link failed or timed out; the same command may work later (usually PLEASE_RETRY). */
        RETRIABLE,
        /** Bad credentials or configuration; retrying will not help until someone changes something. */
        PERMANENT,
        /** The ACD refused the request in its current state (CF_INVALID_OBJECT_STATE and the like). */
        REJECTED
    }

    private final ErrorCode code;
    private final Kind kind;

    public AcdException(ErrorCode code, Kind kind, String message) {
        this(code, kind, message, null);
    }

    public AcdException(ErrorCode code, Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** A refusal by the ACD: the usual case. */
    public static AcdException rejected(ErrorCode code, String message) {
        return new AcdException(code, Kind.REJECTED, message);
    }

    public ErrorCode code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
