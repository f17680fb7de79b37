package org.genericconnector.simulator.model;

import java.util.Optional;

/** Finds consult calls. Called with the contact center lock held. Stateless. */
final class Consults {
    private Consults() {
    }

    /** The live consult call the agent placed from {@code main}. */
    static Optional<Call> ofMain(CenterState center, Call main, String agentId) {
        return center.calls.values().stream()
                .filter(c -> !c.ended && c.kind == CallKind.CONSULT && main.id.equals(c.associatedCallId)
                        && agentId.equals(c.initiatorAgentId))
                .findFirst();
    }
}
