package org.genericconnector.protocol;

/** Agent states of the guide's "Agent State Transition" table, spelled as on the wire. */
public enum AgentState {
    UNKNOWN,
    LOGIN,
    LOGOUT,
    NOT_READY,
    READY,
    RESERVED,
    RESERVED_OUTBOUND,
    RESERVED_OUTBOUND_PREVIEW,
    TALKING,
    HOLD,
    WORK,
    WORK_READY
}
