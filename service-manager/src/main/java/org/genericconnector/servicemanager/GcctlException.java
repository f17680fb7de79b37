package org.genericconnector.servicemanager;

/** A failure to report as one line on stderr with an exit code from {@link ExitCodes}. */
public final class GcctlException extends Exception {
    private final int exitCode;

    public GcctlException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public GcctlException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
