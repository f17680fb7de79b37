package org.genericconnector.simulator.finesse;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one {@link FinesseFace} (prosody per node + REST on free ports) for a test class: started before the
 * first test, closed after the last. Register it as a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(
 *         FinesseFaceSettings.defaults().withSimulatedTime(true));
 * ...
 * FINESSE.face().primary().httpBase();   // or a FinesseFace test-method parameter
 * }</pre>
 *
 * The tests of a class share the model: each test should use its own agents, or leave them logged out.
 * Needs prosody installed (scripts/install-test-prereqs.sh); JUnit Jupiter comes from the using module.
 * Thread-safe for JUnit's use (one class at a time).
 */
public final class FinesseFaceExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final FinesseFaceSettings settings;
    private volatile FinesseFace face;

    public FinesseFaceExtension() {
        this(FinesseFaceSettings.defaults());
    }

    public FinesseFaceExtension(FinesseFaceSettings settings) {
        this.settings = settings;
    }

    /** The running face (between beforeAll and afterAll). */
    public FinesseFace face() {
        if (face == null) {
            throw new IllegalStateException("the Finesse face is not running (register the extension as a static field)");
        }
        return face;
    }

    /** Sends a scenario line to the face's control and returns the reply (see docs/FINESSE-FACE.md). */
    public String control(String line) {
        return face().control().handle(line);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        face = FinesseFace.start(settings);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FinesseFace running = face;
        face = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == FinesseFace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return face();
    }
}
