package org.genericconnector.simulator.model;

/** One party of a call at one moment. {@code agentId} is null for an outside party. Immutable. */
public record LegView(String address, String agentId, LegState state) {
}
