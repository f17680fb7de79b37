package org.genericconnector.simulator.finesse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small XML writer for the face's documents: elements in the order they are written, text escaped.
 * The face writes its own XML (not the finesse-adapter's models) so that tests of the adapter against the
 * face catch mismatches. Not thread-safe; one instance per document.
 */
final class Xml {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(256);
    private final Deque<String> open = new ArrayDeque<>();

    Xml open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    Xml close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** {@code <name>value</name>}; null is written as an empty element. */
    Xml leaf(String name, Object value) {
        out.append('<').append(name).append('>');
        if (value != null) {
            out.append(escape(value.toString()));
        }
        out.append("</").append(name).append('>');
        return this;
    }

    /** Appends a document written elsewhere, as it is. */
    Xml raw(String xml) {
        out.append(xml);
        return this;
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements " + open);
        }
        return out.toString();
    }

    /** Finesse's time format, {@code 2024-01-01T10:00:00.000Z}; "" for null. */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
