package org.genericconnector.protocol.spi;

/**
 * A simulated ACD that can be scripted from outside (place a call, hang up the caller, load a queue).
 * The connector binds it to a control topic so that any GC client can drive it; the request and reply
 * are single lines of text whose language the adapter documents. Thread-safe.
 */
public interface ScenarioControl {

    /**
     * Performs one scenario request and returns its reply line ({@code OK ...}); a request that cannot
     * be performed returns {@code ERROR <reason>} rather than throwing.
     */
    String handle(String request);
}
