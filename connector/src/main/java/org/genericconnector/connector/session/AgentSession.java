package org.genericconnector.connector.session;

import java.util.Objects;

/**
 * One agent bound to the client destination that receives its events. Immutable: a Connect from
 * another destination replaces the session.
 */
public record AgentSession(String agentId, ClientDestination destination) {
    public AgentSession {
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(destination, "destination");
    }
}
