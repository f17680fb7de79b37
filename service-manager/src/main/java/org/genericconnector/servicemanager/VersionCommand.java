package org.genericconnector.servicemanager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gcctl version}: gcctl's version, the JVM's, and the running connector's when it answers. */
@Command(name = "version", mixinStandardHelpOptions = true, description = "Show the versions of gcctl, its JVM and the running connector.")
final class VersionCommand implements Callable<Integer> {
    @ParentCommand
    GcCtl parent;
    @Spec
    CommandSpec spec;
    @Mixin
    AdminOptions admin;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("gcctl " + version(parent.layout()));
        out.println("java " + Runtime.version() + " (" + System.getProperty("java.home") + ")");
        try {
            out.println("connector " + admin.client(parent.layout()).get("/status").path("version").asText() + " (running)");
        } catch (GcctlException e) {
            out.println("connector: not running or not reachable (" + e.getMessage() + ")");
        }
        return ExitCodes.OK;
    }

    /** The installation's VERSION file, else the jar manifest's version, else "dev". */
    static String version(Layout layout) {
        Path file = layout.home().resolve("VERSION");
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file).strip();
            }
        } catch (IOException e) {
            // fall through
        }
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** For {@code gcctl --version}. */
    static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"gcctl " + version(Layout.detect())};
        }
    }
}
