package org.genericconnector.simulator.model;

/**
 * One party of a call: an agent's device or an outside number. Mutable, confined to the
 * {@link ContactCenter} lock.
 */
final class Leg {
    final String address;
    /** The agent on this leg, null for an outside party. */
    final String agentId;
    /** True for the party that placed the call (its ALERTING means "ringing out", not "ringing here"). */
    final boolean originator;
    /** True for a leg that listens only (the monitored agent of a silent monitor): it does not change the agent's state. */
    final boolean passive;
    LegState state;

    Leg(String address, String agentId, boolean originator, boolean passive, LegState state) {
        this.address = address;
        this.agentId = agentId;
        this.originator = originator;
        this.passive = passive;
        this.state = state;
    }

    boolean isLive() {
        return !state.isGone();
    }

    LegView view() {
        return new LegView(address, agentId, state);
    }
}
