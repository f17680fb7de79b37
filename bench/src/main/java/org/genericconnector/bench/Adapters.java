package org.genericconnector.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The adapter rows of the report. Only the sandbox is driven by the bench; the Asterisk and Finesse rows
 * need their adapters and the simulator's AMI and Finesse faces wired into the run, which the bench does
 * not do yet, so they are reported as not measured rather than guessed.
 */
final class Adapters {
    private Adapters() {
    }

    static Map<String, String> status() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sandbox", "measured");
        m.put("asterisk", "not measured: adapter not available to the bench");
        m.put("finesse", "not measured: adapter not available to the bench");
        return m;
    }
}
