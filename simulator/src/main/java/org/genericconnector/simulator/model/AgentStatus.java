package org.genericconnector.simulator.model;

/** An agent's state on the simulated ACD; the names and transitions are Finesse's (see {@link StateRules}). */
public enum AgentStatus {
    LOGOUT,
    LOGIN,
    NOT_READY,
    READY,
    RESERVED,
    RESERVED_OUTBOUND,
    RESERVED_OUTBOUND_PREVIEW,
    TALKING,
    HOLD,
    WORK,
    WORK_READY;

    public boolean isLoggedIn() {
        return this != LOGOUT;
    }

    /** States that only exist because of a call or an outbound reservation. */
    public boolean isCallBound() {
        return switch (this) {
            case RESERVED, RESERVED_OUTBOUND, RESERVED_OUTBOUND_PREVIEW, TALKING, HOLD -> true;
            default -> false;
        };
    }
}
