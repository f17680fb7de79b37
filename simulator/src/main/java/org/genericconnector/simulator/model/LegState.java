package org.genericconnector.simulator.model;

/** The state of one party's leg of a call. */
public enum LegState {
    INITIATING,
    INITIATED,
    ALERTING,
    ACTIVE,
    HELD,
    /** An outbound preview reservation the agent accepted. */
    ACCEPTED,
    DROPPED,
    FAILED;

    public boolean isGone() {
        return this == DROPPED || this == FAILED;
    }
}
