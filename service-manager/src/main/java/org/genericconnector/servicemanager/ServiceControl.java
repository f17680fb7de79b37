package org.genericconnector.servicemanager;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;

/** Starts and stops the connector: as a systemd service where installed so, else as a background process. */
interface ServiceControl {

    /** The connector's process, if it runs. */
    Optional<ProcessHandle> running();

    /** Starts it and waits until its admin endpoint answers; an exit code. */
    int start(Duration timeout, PrintWriter err) throws GcctlException;

    /** Stops it (SIGTERM, graceful) and waits until it is gone; an exit code. */
    int stop(Duration timeout, PrintWriter err) throws GcctlException;

    /** "systemd unit generic-connector" or "background process". */
    String describe();

    static ServiceControl of(Layout layout, AdminOptions admin) {
        return layout.systemd() ? new SystemdControl(layout, admin) : new ProcessControl(layout, admin);
    }
}
