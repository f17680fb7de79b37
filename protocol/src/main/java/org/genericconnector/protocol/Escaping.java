package org.genericconnector.protocol;

/**
 * The escaping rule for free-text values inside events (the guide's "Symbol Handling" note).
 *
 * <p>A value is written so that splitting the body on its separators gives back the value's pieces:
 * <ul>
 *   <li>in a top-level field, {@code #} is written {@code %23};</li>
 *   <li>in an item of a list ({@code ,}-separated call variables, codes and labels; {@code |}-separated
 *       records), {@code ,} is written {@code %2C} and {@code |} {@code %7C} as well.</li>
 * </ul>
 * A {@code %} is written {@code %25} only where it is followed by two characters that would otherwise
 * read as one of these escapes, so ordinary text such as {@code 50% off} goes out unchanged and a
 * client that does not decode still shows what an agent typed. Decoding reverses exactly this.
 *
 * <p>Thread-safe: stateless.
 */
public final class Escaping {
    private static final String FIELD_SPECIALS = "#";
    private static final String ITEM_SPECIALS = "#,|";

    private Escaping() {
    }

    /** Escapes a value that stands alone between {@code #} separators. */
    public static String field(String value) {
        return escape(value, FIELD_SPECIALS);
    }

    /** Escapes a value that is one item of a {@code ,} or {@code |} separated list inside a field. */
    public static String item(String value) {
        return escape(value, ITEM_SPECIALS);
    }

    /** Reverses {@link #field(String)}. */
    public static String unfield(String value) {
        return unescape(value, FIELD_SPECIALS);
    }

    /** Reverses {@link #item(String)}. */
    public static String unitem(String value) {
        return unescape(value, ITEM_SPECIALS);
    }

    private static String escape(String value, String specials) {
        if (!needsWork(value, specials)) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (specials.indexOf(c) >= 0) {
                out.append(code(c));
            } else if (c == '%' && decodesAt(value, i, specials) != 0) {
                out.append("%25");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String value, String specials) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char decoded = decodesAt(value, i, specials);
            if (decoded != 0) {
                out.append(decoded);
                i += 2;
            } else {
                out.append(value.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean needsWork(String value, String specials) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' || specials.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The character that the escape starting at {@code i} stands for, or 0 when there is none. */
    private static char decodesAt(String s, int i, String specials) {
        if (s.charAt(i) != '%' || i + 2 >= s.length()) {
            return 0;
        }
        String hex = s.substring(i + 1, i + 3).toUpperCase(java.util.Locale.ROOT);
        if (hex.equals("25")) {
            return '%';
        }
        for (int k = 0; k < specials.length(); k++) {
            if (code(specials.charAt(k)).substring(1).equals(hex)) {
                return specials.charAt(k);
            }
        }
        return 0;
    }

    private static String code(char c) {
        return switch (c) {
            case '#' -> "%23";
            case ',' -> "%2C";
            case '|' -> "%7C";
            default -> throw new IllegalArgumentException("not an escaped character: " + c);
        };
    }
}
