package org.genericconnector.servicemanager;

import java.util.concurrent.Callable;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gcctl completion}: prints the bash completion script. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash completion script for gcctl.",
                "Use: source <(gcctl completion)   or save it to /etc/bash_completion.d/gcctl."})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("gcctl", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
