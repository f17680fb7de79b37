package org.genericconnector.servicemanager;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gcctl agents}: the running connector's agent sessions, from its admin endpoint. */
@Command(name = "agents", mixinStandardHelpOptions = true,
        description = {"List the agent sessions of the running connector: agent, destination, state, since.",
                "Exit 5 when the connector's admin endpoint cannot be reached."})
final class AgentsCommand implements Callable<Integer> {
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
        JsonNode agents = admin.client(parent.layout()).get("/agents");
        if (json) {
            spec.commandLine().getOut().println(agents.toPrettyString());
            return ExitCodes.OK;
        }
        Table t = new Table("AGENT", "DESTINATION", "STATE", "SINCE");
        agents.forEach(a -> t.row(a.path("agent").asText(), a.path("destination").asText(), a.path("state").asText(),
                a.path("since").asText().isEmpty() ? "-" : a.path("since").asText()));
        t.print(spec.commandLine().getOut());
        spec.commandLine().getErr().println(agents.size() + " agent session(s)");
        return ExitCodes.OK;
    }
}
