package org.genericconnector.protocol.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.protocol.Escaping;

/**
 * Reads a {@code #}-separated event body field by field; the reverse of {@link FieldWriter}. Every
 * problem is an {@link UndecodableException} naming what was expected. Confined to one thread.
 */
public final class FieldReader {
    private final String[] fields;
    private int next;

    public FieldReader(String body) {
        this.fields = body.split("#", -1);
    }

    public int size() {
        return fields.length;
    }

    /** The field at {@code index} without consuming anything, or "" past the end. */
    public String peek(int index) {
        return index < fields.length ? fields[index] : "";
    }

    /** Skips to field {@code index}. */
    public FieldReader at(int index) {
        next = index;
        return this;
    }

    public boolean hasMore() {
        return next < fields.length;
    }

    /** The next field as written. */
    public String raw() throws UndecodableException {
        if (next >= fields.length) {
            throw new UndecodableException("missing field " + (next + 1));
        }
        return fields[next++];
    }

    /** The next field, unescaped. */
    public String text() throws UndecodableException {
        return Escaping.unfield(raw());
    }

    /** The next field, which must start with {@code prefix}; the rest unescaped. */
    public String prefixed(String prefix) throws UndecodableException {
        String field = raw();
        if (!field.startsWith(prefix)) {
            throw new UndecodableException("field " + next + " should start with '" + prefix + "'");
        }
        return Escaping.unfield(field.substring(prefix.length()));
    }

    /** The next field, which must be exactly {@code literal}. */
    public void literal(String literal) throws UndecodableException {
        if (!raw().equals(literal)) {
            throw new UndecodableException("field " + next + " should be '" + literal + "'");
        }
    }

    /** The next field as a comma-separated list of items. */
    public List<String> list() throws UndecodableException {
        return items(raw(), ",");
    }

    public <E extends Enum<E>> E enumValue(Class<E> type) throws UndecodableException {
        return parseEnum(type, raw());
    }

    /** Items of {@code field} split on {@code separator} (a literal character) and unescaped; "" is no items. */
    public static List<String> items(String field, String separator) {
        if (field.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : field.split(java.util.regex.Pattern.quote(separator), -1)) {
            items.add(Escaping.unitem(item));
        }
        return items;
    }

    /** {@code key<between>value} pairs separated by commas, values unescaped, in order. */
    public static Map<String, String> pairs(String field, char between) throws UndecodableException {
        Map<String, String> map = new LinkedHashMap<>();
        if (field.isEmpty()) {
            return map;
        }
        for (String pair : field.split(",", -1)) {
            int at = pair.indexOf(between);
            if (at < 0) {
                throw new UndecodableException("'" + pair + "' is not key" + between + "value");
            }
            map.put(pair.substring(0, at), Escaping.unitem(pair.substring(at + 1)));
        }
        return map;
    }

    /** The value of {@code key} in {@code pairs}; missing is an error. */
    public static String get(Map<String, String> pairs, String key) throws UndecodableException {
        String value = pairs.get(key);
        if (value == null) {
            throw new UndecodableException("missing " + key);
        }
        return value;
    }

    public static int number(Map<String, String> pairs, String key) throws UndecodableException {
        String value = get(pairs, key);
        try {
            return value.isEmpty() ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UndecodableException(key + " is not a number: " + value);
        }
    }

    public static <E extends Enum<E>> E parseEnum(Class<E> type, String value) throws UndecodableException {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new UndecodableException("'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
