package org.genericconnector.simulator.finesse;

import org.genericconnector.simulator.model.RefusedException;

/**
 * An asynchronous (CTI) error as Finesse reports it (finesse.md §5): errorType, the CTI constant and its
 * numeric code. Immutable.
 */
record FinesseCtiError(String errorType, String errorMessage, String errorData, String text) {

    /** The error Finesse sends for a refusal of the model. */
    static FinesseCtiError of(RefusedException refused) {
        String text = refused.getMessage();
        return switch (refused.refusal()) {
            case WRONG_DEVICE -> new FinesseCtiError("Invalid Device", "CF_INVALID_LOGON_DEVICE_SPECIFIED", "260", text);
            case INVALID_STATE, NOT_LOGGED_IN -> new FinesseCtiError("Invalid State", "CF_INVALID_OBJECT_STATE", "22", text);
            case LICENSES_EXCEEDED -> new FinesseCtiError("Generic Error", "CF_RESOURCE_OUT_OF_SERVICE", "34", text);
            case UNKNOWN_CALL -> new FinesseCtiError("Call Operation Failure", "E_CTI_INVALID_CALLID", "13", text);
            case UNKNOWN_DESTINATION -> new FinesseCtiError("Call Operation Failure", "CF_INVALID_DESTINATION", "14", text);
            case NOT_SUPERVISOR, NOT_SUPERVISED -> new FinesseCtiError("Generic Error", "CF_GENERIC_UNSPECIFIED", "0", text);
            default -> new FinesseCtiError("Generic Error", "CF_GENERIC_OPERATION", "1", text);
        };
    }
}
