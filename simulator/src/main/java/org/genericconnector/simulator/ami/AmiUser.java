package org.genericconnector.simulator.ami;

import java.util.Objects;
import java.util.Set;

/**
 * A manager.conf user: name, secret, and the classes it may write (run actions of). {@link #ALL} write
 * classes for a full CTI user; an empty set leaves only the actions that need no class. Immutable.
 */
public record AmiUser(String name, String secret, Set<String> writeClasses) {
    public static final Set<String> ALL = Set.of("system", "call", "agent", "user", "originate", "reporting", "command", "config");

    public AmiUser {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(secret, "secret");
        writeClasses = Set.copyOf(writeClasses);
    }

    public static AmiUser fullAccess(String name, String secret) {
        return new AmiUser(name, secret, ALL);
    }

    /** True when the user may write any one of {@code needed}; an empty {@code needed} is always allowed. */
    boolean mayWrite(Set<String> needed) {
        return needed.isEmpty() || needed.stream().anyMatch(writeClasses::contains);
    }

    @Override
    public String toString() {
        return "AmiUser[" + name + "]"; // never the secret
    }
}
