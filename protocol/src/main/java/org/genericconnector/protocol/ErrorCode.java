package org.genericconnector.protocol;

/**
 * Every error code a GC client can receive in {@code <for>#Error#<CODE>}.
 *
 * <p>The first twenty are the guide's "All Errors" section, spelled exactly. The ones marked as
 * extensions are this implementation's own, for cases the guide has no code for; they are listed in
 * docs/PROTOCOL.md and may carry a human-readable detail as one more field.
 */
public enum ErrorCode {
    SUBSCRIPTION_FAILED,
    UNABLE_TO_SUBSCRIBE_TO_FINESSE,
    SESSION_INVALIDATED,
    LICENSES_EXCEEDED,
    MISSING_EXTENSION,
    WRONG_EXTENSION,
    MISSING_PASSWORD,
    USER_NOT_FOUND,
    GENERAL_ERROR,
    CF_GENERIC_UNSPECIFIED,
    CF_INVALID_LOGON_DEVICE_SPECIFIED,
    CF_RESOURCE_BUSY,
    CF_INVALID_OBJECT_STATE,
    PLEASE_RETRY,
    MISSING_REASON_CODE,
    MISSING_DIALOG_ID,
    MISSING_NUMBER,
    E_CTI_INVALID_CALL_ID,
    CF_GENERIC_OPERATION,
    INVALID_CALL_DATA,

    /** Extension: the JMSType names no command this protocol knows. */
    UNKNOWN_COMMAND(true),
    /** Extension: the message cannot be read (no '#', empty id, too large, bad UTF-8, control characters). */
    MALFORMED_MESSAGE(true),
    /** Extension: a required argument the guide has no specific code for (team id, phone book id, ...). */
    MISSING_ARGUMENT(true),
    /** Extension: the ACD behind this connector cannot perform the command (e.g. UCCE-only on UCCX). */
    UNSUPPORTED_COMMAND(true);

    private final boolean extension;

    ErrorCode() {
        this(false);
    }

    ErrorCode(boolean extension) {
        this.extension = extension;
    }

    /** True for this implementation's own codes, false for the guide's. */
    public boolean isExtension() {
        return extension;
    }
}
