package org.genericconnector.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The adapter rows of the report. Only the sandbox is driven by the bench. The Asterisk and Finesse
 * adapters and the simulator's AMI and Finesse faces were still being written when the bench was built;
 * driving them needs a 1,000-agent AMI face population with an agents file of PBKDF2 password hashes
 * (Asterisk) and a prosody XMPP server next to the Finesse face, which the bench does not set up yet.
 * Their rows say so rather than carry guessed figures.
 */
final class Adapters {
    private Adapters() {
    }

    static Map<String, String> status() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("sandbox", "measured");
        m.put("asterisk", "not measured: adapter not available (not wired into the bench: needs the AMI face with a 1,000-agent population and a hashed agents file)");
        m.put("finesse", "not measured: adapter not available (not wired into the bench: needs the Finesse face and a prosody XMPP server)");
        return m;
    }
}
