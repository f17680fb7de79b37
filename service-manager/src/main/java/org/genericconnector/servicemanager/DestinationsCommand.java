package org.genericconnector.servicemanager;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** {@code gcctl destinations}: the client destinations the running connector knows, from its admin endpoint. */
@Command(name = "destinations", mixinStandardHelpOptions = true,
        description = {"List the client destinations (topics) of the running connector: last seen, agents.",
                "Exit 5 when the connector's admin endpoint cannot be reached."})
final class DestinationsCommand extends AdminListCommand {

    @Override
    String path() {
        return "/destinations";
    }

    @Override
    Table table(JsonNode destinations) {
        Table t = new Table("DESTINATION", "LAST SEEN", "AGENTS");
        destinations.forEach(d -> {
            List<String> agents = new ArrayList<>();
            d.path("agents").forEach(a -> agents.add(a.asText()));
            t.row(d.path("destination").asText(), d.path("lastSeen").asText(), agents.isEmpty() ? "-" : String.join(",", agents));
        });
        return t;
    }

    @Override
    String count(int size) {
        return size + " destination(s)";
    }
}
