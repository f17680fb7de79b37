package org.genericconnector.servicemanager;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The connector as the systemd unit generic-connector.service (installed by install.sh where systemd runs). */
final class SystemdControl implements ServiceControl {
    static final String UNIT = "generic-connector.service";

    private final Layout layout;
    private final AdminOptions admin;

    SystemdControl(Layout layout, AdminOptions admin) {
        this.layout = layout;
        this.admin = admin;
    }

    @Override
    public String describe() {
        return "systemd unit " + UNIT;
    }

    @Override
    public Optional<ProcessHandle> running() {
        try {
            String pid = systemctl("show", "--property=MainPID", "--value", UNIT).strip();
            long n = Long.parseLong(pid);
            return n == 0 ? Optional.empty() : ProcessHandle.of(n).filter(ProcessHandle::isAlive);
        } catch (GcctlException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public int start(Duration timeout, PrintWriter err) throws GcctlException {
        systemctl("start", UNIT);
        boolean up = Progress.await(err, "waiting for the connector's admin endpoint", timeout, this::answers);
        return up ? ExitCodes.OK : ExitCodes.TIMEOUT;
    }

    private boolean answers() {
        try {
            return admin.client(layout).get("/status") != null;
        } catch (GcctlException e) {
            return false;
        }
    }

    @Override
    public int stop(Duration timeout, PrintWriter err) throws GcctlException {
        systemctl("stop", UNIT);
        return running().isEmpty() ? ExitCodes.OK : ExitCodes.TIMEOUT;
    }

    private static String systemctl(String... args) throws GcctlException {
        List<String> command = new java.util.ArrayList<>(List.of("systemctl"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 && !args[0].equals("show")) {
                throw new GcctlException(ExitCodes.FAILED, String.join(" ", command) + " failed: " + output.strip()
                        + " (see journalctl -u " + UNIT + ")");
            }
            return output;
        } catch (IOException e) {
            throw new GcctlException(ExitCodes.FAILED, "cannot run systemctl: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GcctlException(ExitCodes.FAILED, "interrupted");
        }
    }
}
