package org.genericconnector.servicemanager;

/**
 * gcctl's exit codes, the same for every command (docs/OPERATIONS.md lists them). Monitoring scripts may
 * rely on them: {@code gcctl health} answers 0, 1, 2 or 3.
 */
public final class ExitCodes {
    private ExitCodes() {
    }

    /** Done; for health: the connector is in service; for status: everything asked about runs. */
    public static final int OK = 0;
    /** Failed; for health: the connector answered OUT_OF_SERVICE; for status: something asked about is stopped. */
    public static final int FAILED = 1;
    /** No answer in time (health, send --expect, start and stop waits). */
    public static final int TIMEOUT = 2;
    /** The broker cannot be reached (refused, unknown host, bad credentials). */
    public static final int BROKER_UNREACHABLE = 3;
    /** The action does not apply (start/stop of an embedded or external broker). */
    public static final int NOT_APPLICABLE = 4;
    /** The connector's admin endpoint cannot be reached (connector not running, no token file). */
    public static final int ADMIN_UNREACHABLE = 5;
    /** The configuration is invalid (config check, or a command that needs it). */
    public static final int BAD_CONFIG = 6;
    /** Bad command line (unknown option, missing argument). */
    public static final int USAGE = 64;
    /** An unexpected internal error (a bug: please report it with the stack trace from --verbose). */
    public static final int INTERNAL = 70;
}
