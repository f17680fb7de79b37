package org.genericconnector.connector.admin;

import java.util.List;

/**
 * What the admin endpoint can see of the running connector. Read-only; implementations must be
 * thread-safe (the endpoint calls them from its own threads).
 */
public interface AdminView {

    /** Version, uptime, link and broker of the connector, with its destination and session counts. */
    AdminStatus status();

    /** One row per agent session, sorted by agent id. */
    List<AgentRow> agents();

    /** One row per known client destination, sorted by name. */
    List<DestinationRow> destinations();

    /** The connector as {@code GET /status} shows it. Times are ISO-8601 text. */
    record AdminStatus(String version, String startedAt, long uptimeSeconds, long pid, String acdType, String link,
                       String brokerUrl, boolean brokerEmbedded, int destinations, int sessions) { }

    /** One agent session: the agent, the destination receiving its events, its state and since when. */
    record AgentRow(String agent, String destination, String state, String since) { }

    /** One client destination: its name, when it last sent a command or beat, and its agents. */
    record DestinationRow(String destination, String lastSeen, List<String> agents) {
        public DestinationRow {
            agents = List.copyOf(agents);
        }
    }
}
