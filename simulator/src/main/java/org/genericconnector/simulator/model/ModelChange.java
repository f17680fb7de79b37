package org.genericconnector.simulator.model;

/**
 * Something that changed in the contact center, as a face (the sandbox adapter, a Finesse face, an AMI
 * face) needs to hear it. Protocol-neutral; each change names the agent it concerns. Immutable.
 */
public sealed interface ModelChange {

    /** The agent the change concerns. */
    String agentId();

    /** An agent's state (or pending state) changed. */
    record AgentChanged(AgentView agent) implements ModelChange {
        public String agentId() { return agent.id(); }
    }

    /** A call starts ringing at the agent (an offer); {@code call.legOf(agentId)} is ALERTING or ACTIVE. */
    record CallOffered(String agentId, CallView call) implements ModelChange { }

    /**
     * The agent's leg of a call changed (or, with the same state, the call's data or parties changed).
     * A FAILED leg carries the cause in {@link CallView#failureCause()}.
     */
    record LegChanged(String agentId, CallView call, LegState state) implements ModelChange { }

    /** An outbound preview reservation is offered to the agent. */
    record PreviewOffered(String agentId, CallView reservation) implements ModelChange { }

    /** A message for the agent's screen. */
    record Notice(String agentId, String text) implements ModelChange { }

    /** A campaign callback was scheduled, updated or canceled on a call. */
    record CallbackChanged(String agentId, String callId, CallbackAction action, String time, String number)
            implements ModelChange { }

    /** A campaign call was reclassified (fax, answering machine...). */
    record CallReclassified(String agentId, String callId, String value) implements ModelChange { }

    enum CallbackAction { SCHEDULED, UPDATED, CANCELED }
}
