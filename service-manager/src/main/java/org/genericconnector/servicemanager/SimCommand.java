package org.genericconnector.servicemanager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
 * {@code gcctl sim ami|finesse}: runs one of the simulator's ACD faces (a fake Asterisk AMI, a fake Cisco Finesse)
 * in the foreground, in its own JVM. The face's options are passed through; scenario lines typed on stdin go to it
 * and its replies come back on stdout.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Run a simulated ACD face (ami, finesse) in the foreground.",
        subcommands = {SimCommand.Ami.class, SimCommand.Finesse.class})
final class SimCommand implements Callable<Integer> {
    static final String AMI_MAIN = "org.genericconnector.simulator.ami.AmiFaceMain";
    static final String FINESSE_MAIN = "org.genericconnector.simulator.finesse.FinesseFaceMain";

    @Spec
    CommandSpec spec;
    @ParentCommand
    GcCtl parent;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** What both faces share: the pass-through options, the optional run time, the process and its streams. */
    abstract static class Face implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @ParentCommand
        SimCommand sim;

        @Option(names = "--for", paramLabel = "DURATION", converter = DurationConverter.class,
                description = "Stop after this long (default: run until Ctrl-C or the end of stdin).")
        Duration runFor;

        @Parameters(paramLabel = "FACE-OPTION", arity = "0..*", description = "Options of the face (after --).")
        List<String> faceOptions = new ArrayList<>();

        abstract String mainClass();

        @Override
        public Integer call() throws GcctlException {
            try {
                Class.forName(mainClass(), false, getClass().getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new GcctlException(ExitCodes.FAILED, "the simulator is not installed here (no " + mainClass() + " in lib/)");
            }
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dlogback.configurationFile=gcctl-sim-logback.xml", "-cp", System.getProperty("java.class.path"), mainClass()));
            command.addAll(faceOptions);
            Process face;
            try {
                face = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new GcctlException(ExitCodes.FAILED, "cannot start the face: " + e.getMessage());
            }
            Thread stopper = new Thread(face::destroy);
            Runtime.getRuntime().addShutdownHook(stopper);
            PrintWriter out = spec.commandLine().getOut();
            Thread.ofVirtual().start(() -> copyLines(face.getInputStream(), out));
            Thread.ofVirtual().start(() -> copy(sim.parent.in(), face.getOutputStream()));
            try {
                boolean ended = awaitEnd(face);
                return ended ? exitCode(face.exitValue()) : ExitCodes.OK;
            } finally {
                stop(face);
                Runtime.getRuntime().removeShutdownHook(stopper);
            }
        }

        /** True when the face ended by itself; false after --for or an interrupt. */
        private boolean awaitEnd(Process face) {
            try {
                if (runFor == null) {
                    face.waitFor();
                    return true;
                }
                return face.waitFor(runFor.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }

        private static void stop(Process face) {
            if (face.isAlive()) {
                face.destroy();
                try {
                    face.waitFor(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    face.destroyForcibly();
                }
            }
        }

        private static int exitCode(int faceExit) {
            return faceExit == 0 ? ExitCodes.OK : faceExit == 2 ? ExitCodes.USAGE : ExitCodes.FAILED;
        }

        private static void copyLines(InputStream from, PrintWriter out) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
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
            try (to; BufferedReader reader = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    to.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    to.flush();
                }
            } catch (IOException e) {
                // the face ended
            }
        }
    }

    @Command(name = "ami", mixinStandardHelpOptions = true,
            description = {"Run the simulated Asterisk AMI face (the sandbox population behind an AMI port) until Ctrl-C.",
                    "Options after -- go to the face: --port 5038 --bind 127.0.0.1 --user NAME (--secret S | env AMI_SECRET)",
                    "[--population FILE] [--seed N] [--ring-timeout 15s] [--simulated-time] [--control-port N].",
                    "Lines typed on stdin are scenario requests (docs/SANDBOX.md); each reply is printed.",
                    "Example: AMI_SECRET=... gcctl sim ami -- --port 5038 --user cti"})
    static final class Ami extends Face {
        @Override
        String mainClass() {
            return AMI_MAIN;
        }
    }

    @Command(name = "finesse", mixinStandardHelpOptions = true,
            description = {"Run the simulated Cisco Finesse face (REST + XMPP notifications through prosody, which must be",
                    "installed) until Ctrl-C or the end of stdin. It prints one READY line with every node's ports.",
                    "Options after -- go to the face: [--population FILE] [--http-port N] [--https-port N] [--xmpp-port N]",
                    "[--no-secondary] [--no-https] [--simulated-time] [--seed N] [--ring-timeout D] [--prosody PATH] ...",
                    "(docs/FINESSE-FACE.md). Lines typed on stdin are scenario requests; each reply is printed.",
                    "Example: gcctl sim finesse -- --no-secondary --http-port 8082"})
    static final class Finesse extends Face {
        @Override
        String mainClass() {
            return FINESSE_MAIN;
        }
    }
}
