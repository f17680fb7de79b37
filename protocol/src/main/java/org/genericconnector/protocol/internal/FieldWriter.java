package org.genericconnector.protocol.internal;

import java.util.List;
import java.util.function.Function;

import org.genericconnector.protocol.Escaping;

/**
 * Builds a {@code #}-separated event body field by field, escaping free text as {@link Escaping} says.
 * Confined to one thread; one instance per event.
 */
public final class FieldWriter {
    private final StringBuilder out = new StringBuilder(128);
    private boolean first = true;

    /** A free-text field, escaped. */
    public FieldWriter text(String value) {
        return raw(Escaping.field(value));
    }

    /** A field written as it is: literals, enum names, numbers, and parts already escaped. */
    public FieldWriter raw(String value) {
        if (!first) {
            out.append('#');
        }
        first = false;
        out.append(value);
        return this;
    }

    /** A literal prefix such as {@code DialogID:} followed by free text. */
    public FieldWriter prefixed(String prefix, String value) {
        return raw(prefix + Escaping.field(value));
    }

    /** A comma-separated list of free-text items in one field. */
    public FieldWriter list(List<String> items) {
        return raw(items(items, ","));
    }

    /** Each element written by {@code format} as a field of its own; {@code ifEmpty} when there are none. */
    public <T> FieldWriter each(List<T> elements, Function<T, String> format, String ifEmpty) {
        if (elements.isEmpty()) {
            return raw(ifEmpty);
        }
        elements.forEach(e -> raw(format.apply(e)));
        return this;
    }

    /** Items escaped as list items and joined with {@code separator}. */
    public static String items(List<String> items, String separator) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(separator);
            }
            b.append(Escaping.item(items.get(i)));
        }
        return b.toString();
    }

    /** {@code key:value} pairs (values escaped as list items) joined with commas. */
    public static String pairs(char between, String... keysAndValues) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(keysAndValues[i]).append(between).append(Escaping.item(keysAndValues[i + 1]));
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
