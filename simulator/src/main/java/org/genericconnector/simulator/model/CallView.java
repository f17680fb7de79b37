package org.genericconnector.simulator.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call at one moment: its data and every leg it ever had, in the order they joined. Immutable
 * (the variables map keeps insertion order). {@code queue}, {@code campaign}, {@code initiatorAgentId}
 * and {@code associatedCallId} may be null.
 */
public record CallView(String id, CallKind kind, String fromAddress, String toAddress, Instant startTime,
                       String initiatorAgentId, String associatedCallId, Map<String, String> variables,
                       List<LegView> legs, String queue, String campaign, String failureCause, boolean ended) {
    public CallView {
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
        legs = List.copyOf(legs);
    }

    /** The agent's latest leg. */
    public Optional<LegView> legOf(String agentId) {
        for (int i = legs.size() - 1; i >= 0; i--) {
            if (agentId.equals(legs.get(i).agentId())) {
                return Optional.of(legs.get(i));
            }
        }
        return Optional.empty();
    }

    /** The addresses of the parties still on the call. */
    public List<String> participants() {
        return legs.stream().filter(l -> !l.state().isGone()).map(LegView::address).toList();
    }
}
