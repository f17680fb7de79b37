package org.genericconnector.protocol.internal;

/** An event body that does not have the form its type says; carries what was expected. */
public final class UndecodableException extends Exception {
    public UndecodableException(String message) {
        super(message, null, false, false);
    }
}
