package org.genericconnector.simulator.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.genericconnector.protocol.spi.Durations;

/**
 * One parsed scenario line: a verb and {@code key=value} arguments separated by spaces. Immutable.
 * A bad line throws {@link IllegalArgumentException} with the reason for the {@code ERROR} reply.
 */
record ScenarioRequest(String verb, Map<String, String> arguments) {

    static ScenarioRequest parse(String line) {
        String[] words = line.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            throw new IllegalArgumentException("empty request");
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + words[i] + "' is not key=value");
            }
            if (arguments.put(words[i].substring(0, eq), words[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("'" + words[i].substring(0, eq) + "' given twice");
            }
        }
        return new ScenarioRequest(words[0].toLowerCase(java.util.Locale.ROOT), arguments);
    }

    /** Refuses arguments the verb does not know, so that a typo is not silently ignored. */
    ScenarioRequest allow(String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String key : arguments.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException(verb + " takes no argument '" + key + "' (it takes " + String.join(", ", keys) + ")");
            }
        }
        return this;
    }

    String require(String key) {
        String value = arguments.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(verb + " needs " + key + "=");
        }
        return value;
    }

    String get(String key, String fallback) {
        return arguments.getOrDefault(key, fallback);
    }

    int integer(String key) {
        try {
            return Integer.parseInt(require(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
    }

    Duration duration(String key, Duration fallback) {
        return arguments.containsKey(key) ? Durations.parse(key, arguments.get(key)) : fallback;
    }

    /** {@code vars=callVariable1=123;user.crm.id=9}: names and values in order. */
    Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        String spec = arguments.get("vars");
        if (spec == null || spec.isEmpty()) {
            return variables;
        }
        for (String pair : spec.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("vars: '" + pair + "' is not name=value");
            }
            variables.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return variables;
    }
}
