package org.genericconnector.finesse.error;

import static org.genericconnector.protocol.spi.AcdException.Kind.PERMANENT;
import static org.genericconnector.protocol.spi.AcdException.Kind.REJECTED;
import static org.genericconnector.protocol.spi.AcdException.Kind.RETRIABLE;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.genericconnector.protocol.ErrorCode;

/**
 * The tables behind {@link FinesseErrorMapper}: CTI constants ({@code errorMessage}), the few numeric
 * CTI codes ({@code errorData}) whose meaning the documentation pins down, and Finesse error types.
 * Immutable.
 */
final class CtiErrors {
    private CtiErrors() {
    }

    /** CTI constants as Finesse puts them in {@code errorMessage} (CF_* control failures, E_CTI_* status codes). */
    private static final Map<String, MappedError> CONSTANTS = Map.ofEntries(
            Map.entry("CF_GENERIC_UNSPECIFIED", MappedError.of(ErrorCode.CF_GENERIC_UNSPECIFIED, REJECTED)),
            Map.entry("CF_GENERIC_OPERATION", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("CF_REQUEST_INCOMPATIBLE_WITH_OBJECT", MappedError.of(ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED)),
            Map.entry("CF_INVALID_OBJECT_STATE", MappedError.of(ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED)),
            Map.entry("CF_OBJECT_NOT_KNOWN", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("CF_INVALID_CALLED_DEVICE", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("CF_INVALID_DESTINATION", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("CF_INVALID_CSTA_CALL_ID", MappedError.of(ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED)),
            Map.entry("CF_INVALID_LOGON_DEVICE_SPECIFIED",
                    MappedError.of(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED, REJECTED)),
            Map.entry("CF_RESOURCE_BUSY", MappedError.of(ErrorCode.CF_RESOURCE_BUSY, REJECTED)),
            Map.entry("CF_RESOURCE_OUT_OF_SERVICE", MappedError.of(ErrorCode.PLEASE_RETRY, RETRIABLE)),
            Map.entry("E_CTI_INVALID_CALLID", MappedError.of(ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED)),
            Map.entry("E_CTI_INVALID_CALL_ID", MappedError.of(ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED)),
            Map.entry("E_CTI_AGENT_NOT_LOGGED_ON", MappedError.of(ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED)),
            Map.entry("E_CTI_DEVICE_IN_USE", MappedError.of(ErrorCode.CF_RESOURCE_BUSY, REJECTED)));

    /**
     * Numeric codes seen with a documented meaning. Plain CF and E_CTI numbers overlap (9, 10, 13
     * exist in both tables), so no other number is trusted on its own.
     */
    private static final Map<String, MappedError> NUMBERS = Map.ofEntries(
            Map.entry("22", MappedError.of(ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED)),
            Map.entry("34", MappedError.of(ErrorCode.PLEASE_RETRY, RETRIABLE)),
            Map.entry("260", MappedError.of(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED, REJECTED)),
            // CCE conference by a non-controller (UCCX reports 22 for the same case)
            Map.entry("20999", MappedError.of(ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED)),
            // conference limit reached
            Map.entry("20700", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            // silent monitor with the agent in a state that does not allow it (CCE, UCCX)
            Map.entry("13145", MappedError.of(ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED)),
            Map.entry("88049", MappedError.of(ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED)));

    /** Finesse {@code errorType} values (REST and CTI), lower-cased. */
    private static final Map<String, MappedError> TYPES = Map.ofEntries(
            Map.entry("invalid state", MappedError.of(ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED)),
            Map.entry("invalid device", MappedError.of(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED, REJECTED)),
            Map.entry("device busy", MappedError.of(ErrorCode.CF_RESOURCE_BUSY, REJECTED)),
            Map.entry("call operation failure", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("generic error", MappedError.of(ErrorCode.CF_GENERIC_UNSPECIFIED, REJECTED)),
            Map.entry("mode not allowed", MappedError.of(ErrorCode.UNSUPPORTED_COMMAND, PERMANENT)),
            Map.entry("bad request", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("invalid input", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("parameter missing", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("invalid destination", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("finesse api error", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("maximum exceeded", MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED)),
            Map.entry("authorization failure", MappedError.of(ErrorCode.SUBSCRIPTION_FAILED, PERMANENT)),
            Map.entry("unauthorized", MappedError.of(ErrorCode.SUBSCRIPTION_FAILED, PERMANENT)),
            Map.entry("invalid authorization user specified", MappedError.of(ErrorCode.SUBSCRIPTION_FAILED, PERMANENT)),
            Map.entry("invalid supervisor", MappedError.of(ErrorCode.SUBSCRIPTION_FAILED, PERMANENT)),
            Map.entry("user not found", MappedError.of(ErrorCode.USER_NOT_FOUND, PERMANENT)),
            Map.entry("unknown_user", MappedError.of(ErrorCode.USER_NOT_FOUND, PERMANENT)),
            Map.entry("dialog not found", MappedError.of(ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED)),
            Map.entry("not implemented", MappedError.of(ErrorCode.UNSUPPORTED_COMMAND, PERMANENT)),
            Map.entry("service unavailable", MappedError.of(ErrorCode.PLEASE_RETRY, RETRIABLE)),
            Map.entry("server_out_of_service", MappedError.of(ErrorCode.PLEASE_RETRY, RETRIABLE)),
            Map.entry("db_runtime_exception", MappedError.of(ErrorCode.CF_GENERIC_UNSPECIFIED, RETRIABLE)),
            Map.entry("runtime_exception", MappedError.of(ErrorCode.CF_GENERIC_UNSPECIFIED, RETRIABLE)),
            Map.entry("aws_service_unavailable", MappedError.of(ErrorCode.PLEASE_RETRY, RETRIABLE)));

    static Optional<MappedError> byConstant(String errorMessage) {
        return Optional.ofNullable(CONSTANTS.get(errorMessage.strip().toUpperCase(Locale.ROOT)));
    }

    static Optional<MappedError> byNumber(String errorData) {
        return Optional.ofNullable(NUMBERS.get(errorData.strip()));
    }

    static Optional<MappedError> byType(String errorType) {
        return Optional.ofNullable(TYPES.get(errorType.strip().toLowerCase(Locale.ROOT)));
    }
}
