package org.genericconnector.finesse.error;

/**
 * What the failed REST request addressed, so that a bare 404 means the right thing: an unknown
 * dialog is an invalid call id, an unknown user is USER_NOT_FOUND.
 */
public enum RequestTarget {
    /** {@code /User/{id}} and what hangs below it (state, login, Dialogs POST). */
    USER,
    /** {@code /Dialog/{id}}. */
    DIALOG,
    /** Anything else (SystemInfo, Team, Queue, reason codes, phone books). */
    OTHER
}
