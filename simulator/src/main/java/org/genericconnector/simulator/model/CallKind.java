package org.genericconnector.simulator.model;

/** What a call is; the names are Finesse's call types. */
public enum CallKind {
    /** Routed to an agent through a queue. */
    ACD_IN,
    /** Offered straight to an agent's extension from outside. */
    OTHER_IN,
    /** Dialed by an agent to an outside number. */
    OUT,
    /** Agent to agent. */
    AGENT_INSIDE,
    /** A consultation while the main call is held. */
    CONSULT,
    SUPERVISOR_MONITOR,
    /** The reservation of an outbound preview record, before the customer is dialed. */
    OUTBOUND_PREVIEW,
    /** The customer call of a campaign (after a preview was accepted, or a progressive call). */
    OUTBOUND
}
