package org.genericconnector.simulator.model;

import java.time.Instant;

import org.genericconnector.simulator.model.Directory.AgentProfile;

/**
 * An agent's state at one moment. Immutable. {@code pending} is null when no state is pending;
 * {@code changedAt} is null for an agent that never logged in; {@code extension} is "" when logged out.
 */
public record AgentView(AgentProfile profile, AgentStatus status, String reasonCode, String reasonLabel,
                        Instant changedAt, AgentStatus pending, String extension) {
    public String id() {
        return profile.id();
    }
}
