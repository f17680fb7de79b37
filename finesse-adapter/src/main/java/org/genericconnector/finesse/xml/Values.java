package org.genericconnector.finesse.xml;

import java.util.List;
import java.util.Objects;

/** Normalisation used by the models' constructors: absent text is "", absent lists are empty. */
final class Values {
    private Values() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    /** An immutable copy without null items (an empty {@code <item/>} may bind to null). */
    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** The last segment of a Finesse uri such as {@code /finesse/api/ReasonCode/12}, or "". */
    static String lastSegment(String uri) {
        String u = text(uri).strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u.substring(u.lastIndexOf('/') + 1);
    }
}
