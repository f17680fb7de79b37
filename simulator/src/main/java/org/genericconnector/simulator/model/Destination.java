package org.genericconnector.simulator.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a dialed number leads: a logged-in agent's extension, an outside number, or nowhere (with the
 * failure cause the call fails with). {@code agent} is null for an outside number. Immutable.
 */
record Destination(String number, AgentRecord agent, String failure) {
    private static final Pattern DIALABLE = Pattern.compile("\\+?[0-9*#]{2,24}");

    boolean isAgent() {
        return agent != null;
    }

    /** Resolves {@code number} as dialed by {@code caller}; refuses what cannot be dialed at all. */
    static Destination of(CenterState center, String number, AgentRecord caller) {
        if (!DIALABLE.matcher(number).matches()) {
            throw new RefusedException(Refusal.UNKNOWN_DESTINATION, "'" + number + "' is not a dialable number");
        }
        if (number.equals(caller.extension)) {
            throw new RefusedException(Refusal.UNKNOWN_DESTINATION, "agent " + caller.id() + " dialed its own extension");
        }
        Optional<Directory.AgentProfile> configured = center.directory.agentAtExtension(number);
        if (configured.isEmpty()) {
            return new Destination(number, null, null);
        }
        AgentRecord callee = center.agents.get(configured.get().id());
        if (center.offlineExtensions.contains(number)) {
            return new Destination(number, null, "DEVICE_OUT_OF_SERVICE");
        }
        if (!callee.status.isLoggedIn()) {
            return new Destination(number, null, "UNALLOCATED_NUMBER");
        }
        if (center.isBusy(callee)) {
            return new Destination(number, null, "BUSY");
        }
        return new Destination(number, callee, null);
    }
}
