package org.genericconnector.servicemanager;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connector as a background process: started with bin/generic-connector in its own session, console
 * output appended to logs/console.log, PID in run/connector.pid. Confined to one gcctl command.
 */
final class ProcessControl implements ServiceControl {
    static final String MAIN_CLASS = "org.genericconnector.connector.Main";

    private final Layout layout;
    private final AdminOptions admin;

    ProcessControl(Layout layout, AdminOptions admin) {
        this.layout = layout;
        this.admin = admin;
    }

    @Override
    public String describe() {
        return "background process (PID file " + layout.pidFile() + ")";
    }

    @Override
    public Optional<ProcessHandle> running() {
        return readPid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(ProcessControl::isConnector);
    }

    /** A recycled PID must not be taken for the connector. */
    private static boolean isConnector(ProcessHandle p) {
        return p.info().commandLine().map(c -> c.contains(MAIN_CLASS) || c.contains("generic-connector")).orElse(true);
    }

    private Optional<Long> readPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(layout.pidFile()).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int start(Duration timeout, PrintWriter err) throws GcctlException {
        Optional<ProcessHandle> now = running();
        if (now.isPresent()) {
            err.println("connector already running (pid " + now.get().pid() + ")");
            return ExitCodes.OK;
        }
        Path script = layout.home().resolve("bin").resolve("generic-connector");
        if (!Files.isExecutable(script)) {
            throw new GcctlException(ExitCodes.FAILED, "cannot start: " + script + " is missing or not executable (GC_HOME=" + layout.home() + ")");
        }
        Process process = launch(script);
        err.println("started the connector (pid " + process.pid() + "), console output in " + layout.consoleLog());
        boolean up = Progress.await(err, "waiting for its admin endpoint", timeout,
                () -> !process.isAlive() || answers(process.pid()));
        if (!process.isAlive()) {
            deletePidFile();
            throw new GcctlException(ExitCodes.FAILED, "the connector exited with code " + process.exitValue()
                    + " during start-up; see " + layout.consoleLog() + lastLines());
        }
        return up ? ExitCodes.OK : ExitCodes.TIMEOUT;
    }

    private Process launch(Path script) throws GcctlException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid"); // its own session: a Ctrl-C in this terminal must not reach it
        }
        command.addAll(dropPrivileges());
        command.add(script.toString());
        try {
            Files.createDirectories(layout.run());
            Files.createDirectories(layout.logs());
            keepPreviousConsoleLog();
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(layout.home().toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.to(layout.consoleLog().toFile()))
                    .redirectErrorStream(true);
            pb.environment().put("GC_HOME", layout.home().toString());
            pb.environment().put("GC_CONF", layout.conf().toString());
            pb.environment().put("GC_LOGS", layout.logs().toString());
            pb.environment().put("GC_RUN", layout.run().toString());
            // console.log is not rotated: warnings and errors only (connector.log, rotated, has everything)
            pb.environment().putIfAbsent("GC_CONSOLE_LEVEL", "WARN");
            Process p = pb.start();
            Files.writeString(layout.pidFile(), p.pid() + "\n");
            return p;
        } catch (IOException e) {
            throw new GcctlException(ExitCodes.FAILED, "cannot start " + script + ": " + e.getMessage());
        }
    }

    /**
     * Root starts the connector as the installation's service user; setpriv execs (no extra process), so the
     * PID gcctl records is the connector's own.
     */
    private List<String> dropPrivileges() throws GcctlException {
        String user = layout.user();
        boolean root = ProcessHandle.current().info().user().map("root"::equals).orElse(false);
        if (!root || user.isEmpty() || user.equals("root")) {
            return List.of();
        }
        if (!Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            throw new GcctlException(ExitCodes.FAILED, "cannot start the connector as user " + user
                    + ": /usr/bin/setpriv (util-linux) is missing; start it as " + user + " or install util-linux");
        }
        String group = layout.group().isEmpty() ? user : layout.group();
        return List.of("/usr/bin/setpriv", "--reuid=" + user, "--regid=" + group, "--init-groups");
    }

    /**
     * console.log is not rotated by logback (it is the process's standard output): each start begins a new one
     * and keeps the previous run's as console.log.1, so a crash stays readable after a restart.
     */
    private void keepPreviousConsoleLog() throws IOException {
        Path console = layout.consoleLog();
        if (Files.exists(console)) {
            Files.move(console, console.resolveSibling(console.getFileName() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private boolean answers(long pid) {
        try {
            AdminClient client = admin.client(layout);
            return client.pid() == pid && client.get("/status") != null;
        } catch (GcctlException e) {
            return false;
        }
    }

    private String lastLines() {
        try {
            List<String> all = Files.readAllLines(layout.consoleLog());
            return ":\n    " + String.join("\n    ", all.subList(Math.max(0, all.size() - 8), all.size()));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public int stop(Duration timeout, PrintWriter err) throws GcctlException {
        Optional<ProcessHandle> now = running();
        if (now.isEmpty()) {
            deletePidFile();
            err.println("connector not running");
            return ExitCodes.OK;
        }
        ProcessHandle p = now.get();
        p.destroy();
        boolean gone = Progress.await(err, "stopping the connector (pid " + p.pid() + ")", timeout, () -> !p.isAlive());
        if (!gone) {
            p.destroyForcibly();
            Progress.await(err, "killing it", Duration.ofSeconds(10), () -> !p.isAlive());
            deletePidFile();
            throw new GcctlException(ExitCodes.TIMEOUT, "the connector did not stop within " + timeout.toSeconds() + "s and was killed");
        }
        deletePidFile();
        return ExitCodes.OK;
    }

    private void deletePidFile() {
        try {
            Files.deleteIfExists(layout.pidFile());
        } catch (IOException e) {
            // harmless: a stale PID file is checked against the process
        }
    }
}
