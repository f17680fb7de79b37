package org.genericconnector.servicemanager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gcctl sim ami}: runs the simulator's Asterisk AMI face (a fake PBX for the asterisk adapter) in the
 * foreground, in its own JVM. Its options are passed through; scenario lines typed on stdin go to it and its
 * replies come back. There is no Finesse face to run yet, so there is no {@code sim finesse}.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Run a simulated ACD face in the foreground.",
        subcommands = SimCommand.Ami.class)
final class SimCommand implements Callable<Integer> {
    static final String AMI_MAIN = "org.genericconnector.simulator.ami.AmiFaceMain";

    @Spec
    CommandSpec spec;
    @ParentCommand
    GcCtl parent;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    @Command(name = "ami", mixinStandardHelpOptions = true,
            description = {"Run the simulated Asterisk AMI face (the sandbox population behind an AMI port) until Ctrl-C.",
                    "Options after -- go to the face: --port 5038 --bind 127.0.0.1 --user NAME (--secret S | env AMI_SECRET)",
                    "[--population FILE] [--seed N] [--ring-timeout 15s] [--simulated-time] [--control-port N].",
                    "Lines typed on stdin are scenario requests (docs/SANDBOX.md); each reply is printed.",
                    "Example: AMI_SECRET=... gcctl sim ami -- --port 5038 --user cti"})
    static final class Ami implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        SimCommand sim;

        @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Stop after this long (default: run until Ctrl-C).")
        Duration runFor;

        @Parameters(paramLabel = "FACE-OPTION", arity = "0..*", description = "Options of the AMI face (after --).")
        List<String> faceOptions = new ArrayList<>();

        @Override
        public Integer call() throws GcctlException, InterruptedException {
            try {
                Class.forName(AMI_MAIN, false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new GcctlException(ExitCodes.FAILED, "the simulator is not installed here (no " + AMI_MAIN + " in lib/)");
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), AMI_MAIN));
            command.addAll(faceOptions);
            Process face;
            try {
                face = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new GcctlException(ExitCodes.FAILED, "cannot start the AMI face: " + e.getMessage());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(face::destroy));
            PrintWriter out = spec.commandLine().getOut();
            Thread.ofVirtual().start(() -> copyLines(face.getInputStream(), out));
            Thread.ofVirtual().start(() -> copy(sim.parent.in(), face.getOutputStream()));
            boolean ended;
            try {
                ended = runFor == null ? waitForever(face) : face.waitFor(runFor.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                ended = false;
            }
            if (!ended) {
                face.destroy();
                face.waitFor(10, TimeUnit.SECONDS);
                return ExitCodes.OK;
            }
            return face.exitValue() == 0 ? ExitCodes.OK : face.exitValue() == 2 ? ExitCodes.USAGE : ExitCodes.FAILED;
        }

        private static boolean waitForever(Process p) throws InterruptedException {
            p.waitFor();
            return true;
        }

        private static void copyLines(InputStream from, PrintWriter out) {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    out.println(line);
                    out.flush();
                }
            } catch (IOException e) {
                // the face ended
            }
        }

        /** Line by line, flushed: scenario lines must reach the face as they are typed. */
        private static void copy(InputStream from, OutputStream to) {
            try (to; var reader = new java.io.BufferedReader(new java.io.InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    to.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    to.flush();
                }
            } catch (IOException e) {
                // the face ended
            }
        }
    }
}
