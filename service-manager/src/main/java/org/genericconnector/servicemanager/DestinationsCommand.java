package org.genericconnector.servicemanager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gcctl destinations}: the client destinations the running connector knows, from its admin endpoint. */
@Command(name = "destinations", mixinStandardHelpOptions = true,
        description = {"List the client destinations (topics) of the running connector: last seen, agents.",
                "Exit 5 when the connector's admin endpoint cannot be reached."})
final class DestinationsCommand implements Callable<Integer> {
    @ParentCommand
    GcCtl parent;
    @Spec
    CommandSpec spec;
    @Mixin
    AdminOptions admin;

    @Option(names = "--json", description = "Print the endpoint's JSON.")
    boolean json;

    @Override
    public Integer call() throws GcctlException {
        JsonNode destinations = admin.client(parent.layout()).get("/destinations");
        if (json) {
            spec.commandLine().getOut().println(destinations.toPrettyString());
            return ExitCodes.OK;
        }
        Table t = new Table("DESTINATION", "LAST SEEN", "AGENTS");
        destinations.forEach(d -> {
            List<String> agents = new ArrayList<>();
            d.path("agents").forEach(a -> agents.add(a.asText()));
            t.row(d.path("destination").asText(), d.path("lastSeen").asText(), agents.isEmpty() ? "-" : String.join(",", agents));
        });
        t.print(spec.commandLine().getOut());
        spec.commandLine().getErr().println(destinations.size() + " destination(s)");
        return ExitCodes.OK;
    }
}
