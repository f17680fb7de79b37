package org.genericconnector.protocol.command;

import java.util.Arrays;

import org.genericconnector.protocol.ErrorCode;

/**
 * A command body split on commas, each field trimmed (the guide's bodies are comma-separated and
 * its own examples carry stray spaces). An absent field reads as empty, as the guide's NULL does.
 */
final class BodyFields {
    private final String[] fields;

    BodyFields(String body) {
        this.fields = body.isBlank() ? new String[0] : Arrays.stream(body.split(",", -1)).map(String::strip).toArray(String[]::new);
    }

    /** The field at {@code index}, or "" when the body has fewer fields. */
    String get(int index) {
        return index < fields.length ? fields[index] : "";
    }

    /** The field at {@code index}, or the problem {@code code} when it is empty. */
    String require(int index, ErrorCode code, String what) throws ArgumentProblem {
        String value = get(index);
        if (value.isEmpty()) {
            throw new ArgumentProblem(code, "missing " + what);
        }
        return value;
    }

    int size() {
        return fields.length;
    }
}
