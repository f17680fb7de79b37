package org.genericconnector.simulator.ami;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which event classes a session reads, set by Login's {@code Events} or the Events action: {@code on},
 * {@code off} or a class list. As Asterisk 22 does, a mask with no known class is taken as {@code off}.
 * Immutable.
 */
record AmiEventMask(Set<String> classes) {
    static final Set<String> KNOWN = Set.of("system", "call", "log", "verbose", "command", "agent", "user", "config",
            "dtmf", "reporting", "cdr", "dialplan", "originate", "agi", "cc", "aoc", "test", "security", "message");
    static final AmiEventMask ON = new AmiEventMask(KNOWN);
    static final AmiEventMask OFF = new AmiEventMask(Set.of());

    AmiEventMask {
        classes = Set.copyOf(classes);
    }

    static AmiEventMask parse(String text) {
        if (text == null) {
            return ON;
        }
        String mask = text.trim().toLowerCase(Locale.ROOT);
        if (mask.equals("on") || mask.equals("all") || mask.equals("yes") || mask.equals("true")) {
            return ON;
        }
        Set<String> chosen = Stream.of(mask.split(",")).map(String::trim).filter(KNOWN::contains).collect(Collectors.toSet());
        return chosen.isEmpty() ? OFF : new AmiEventMask(chosen);
    }

    boolean isOn() {
        return !classes.isEmpty();
    }

    /** True when the event's Privilege names a class this mask reads. */
    boolean admits(AmiMessage event) {
        return event.privileges().stream().anyMatch(classes::contains);
    }
}
