package org.genericconnector.servicemanager;

import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A read-only list from the running connector's admin endpoint, printed as a table (or as the endpoint's JSON
 * with {@code --json}) with a count on stderr. Subclasses say which resource and how a row reads.
 */
abstract class AdminListCommand implements Callable<Integer> {
    @ParentCommand
    GcCtl parent;
    @Spec
    CommandSpec spec;
    @Mixin
    AdminOptions admin;

    @Option(names = "--json", description = "Print the endpoint's JSON.")
    boolean json;

    /** The endpoint path, e.g. {@code /agents}. */
    abstract String path();

    /** The table's header and one row per element of the list. */
    abstract Table table(JsonNode list);

    /** The count line, e.g. {@code 3 agent session(s)}. */
    abstract String count(int size);

    @Override
    public Integer call() throws GcctlException {
        JsonNode list = admin.client(parent.layout()).get(path());
        if (json) {
            spec.commandLine().getOut().println(list.toPrettyString());
            return ExitCodes.OK;
        }
        table(list).print(spec.commandLine().getOut());
        spec.commandLine().getErr().println(count(list.size()));
        return ExitCodes.OK;
    }
}
