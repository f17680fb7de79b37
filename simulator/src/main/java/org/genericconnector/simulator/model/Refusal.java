package org.genericconnector.simulator.model;

/** Why the contact center refused a request; a face maps each to its own error. */
public enum Refusal {
    UNKNOWN_AGENT,
    BAD_CREDENTIALS,
    NOT_LOGGED_IN,
    WRONG_DEVICE,
    LICENSES_EXCEEDED,
    INVALID_STATE,
    UNKNOWN_REASON,
    UNKNOWN_CALL,
    UNKNOWN_DESTINATION,
    NOT_SUPERVISOR,
    NOT_SUPERVISED,
    UNKNOWN_ITEM,
    INVALID_DATA
}
