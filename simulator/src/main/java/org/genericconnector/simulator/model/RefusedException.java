package org.genericconnector.simulator.model;

import java.util.Objects;

/** A request the contact center refused; the model is left unchanged. The message never holds a secret. */
public final class RefusedException extends RuntimeException {
    private final Refusal refusal;

    public RefusedException(Refusal refusal, String message) {
        super(message, null, false, false);
        this.refusal = Objects.requireNonNull(refusal);
    }

    public Refusal refusal() {
        return refusal;
    }
}
