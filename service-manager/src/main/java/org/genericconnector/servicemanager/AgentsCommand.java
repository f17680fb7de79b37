package org.genericconnector.servicemanager;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code gcctl agents}: the running connector's agent sessions, from its admin endpoint. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = {"List the agent sessions of the running connector: agent, destination, state, since.",
                "Exit 5 when the connector's admin endpoint cannot be reached."})
final class AgentsCommand extends AdminListCommand {

    @Override
    String path() {
        return "/agents";
    }

    @Override
    Table table(JsonNode agents) {
        Table t = new Table("AGENT", "DESTINATION", "STATE", "SINCE");
        agents.forEach(a -> t.row(a.path("agent").asText(), a.path("destination").asText(), a.path("state").asText(),
                a.path("since").asText().isEmpty() ? "-" : a.path("since").asText()));
        return t;
    }

    @Override
    String count(int size) {
        return size + " agent session(s)";
    }
}
