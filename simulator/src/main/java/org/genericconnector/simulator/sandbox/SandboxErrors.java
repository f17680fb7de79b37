package org.genericconnector.simulator.sandbox;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.simulator.model.RefusedException;

/**
 * Maps the model's refusals to the guide's errors for the command that met them. Stateless.
 * Where the guide lists no code for a case, CF_GENERIC_UNSPECIFIED ("can occur at any command") is used.
 */
final class SandboxErrors {
    private SandboxErrors() {
    }

    static AcdException toAcdException(CommandName command, RefusedException refused) {
        ErrorCode code = code(command, refused);
        AcdException.Kind kind = switch (refused.refusal()) {
            case BAD_CREDENTIALS, UNKNOWN_AGENT -> AcdException.Kind.PERMANENT;
            default -> AcdException.Kind.REJECTED;
        };
        return new AcdException(code, kind, refused.getMessage());
    }

    static ErrorCode code(CommandName command, RefusedException refused) {
        boolean login = command == CommandName.LOGIN || command == CommandName.MOBILE_AGENT_LOGIN;
        return switch (refused.refusal()) {
            case UNKNOWN_AGENT -> command == CommandName.CONNECT ? ErrorCode.SUBSCRIPTION_FAILED : ErrorCode.USER_NOT_FOUND;
            case BAD_CREDENTIALS -> ErrorCode.SUBSCRIPTION_FAILED;
            case WRONG_DEVICE -> ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED;
            case LICENSES_EXCEEDED -> ErrorCode.LICENSES_EXCEEDED;
            case NOT_LOGGED_IN, INVALID_STATE -> ErrorCode.CF_INVALID_OBJECT_STATE;
            case UNKNOWN_REASON -> command == CommandName.WRAP_UP ? ErrorCode.CF_GENERIC_UNSPECIFIED : ErrorCode.MISSING_REASON_CODE;
            case UNKNOWN_CALL -> switch (command) {
                case WRAP_UP, GET_DIALOG_STATE -> ErrorCode.E_CTI_INVALID_CALL_ID;
                case UPDATE_CALL_VARIABLE -> ErrorCode.INVALID_CALL_DATA;
                default -> ErrorCode.CF_GENERIC_UNSPECIFIED;
            };
            case INVALID_DATA -> login ? ErrorCode.WRONG_EXTENSION
                    : command == CommandName.UPDATE_CALL_VARIABLE ? ErrorCode.INVALID_CALL_DATA : ErrorCode.CF_GENERIC_UNSPECIFIED;
            case UNKNOWN_DESTINATION, NOT_SUPERVISOR, NOT_SUPERVISED, UNKNOWN_ITEM -> ErrorCode.CF_GENERIC_UNSPECIFIED;
        };
    }
}
