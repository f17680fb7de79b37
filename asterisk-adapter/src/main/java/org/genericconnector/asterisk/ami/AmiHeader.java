package org.genericconnector.asterisk.ami;

import java.util.Objects;

/**
 * One {@code Name: value} line of an AMI message. Immutable.
 *
 * <p>Names are kept as received (case preserved) and compared case-insensitively by
 * {@link AmiMessage}. Neither part may contain CR or LF, and a name may not contain a colon,
 * so that every header can be written back to the wire unchanged.
 */
public record AmiHeader(String name, String value) {

    public AmiHeader {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (name.indexOf(':') >= 0 || hasLineBreak(name)) {
            throw new IllegalArgumentException("AMI header name must not contain ':', CR or LF: " + name);
        }
        if (hasLineBreak(value)) {
            throw new IllegalArgumentException("AMI header value must not contain CR or LF (header " + name + ")");
        }
    }

    /** True when this header has the given name, ignoring case as Asterisk does. */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /** True for headers whose value is a credential and must never be logged. */
    public boolean isSecret() {
        return is("Secret") || is("Key");
    }

    /** {@code Name: value}, with credentials masked. */
    @Override
    public String toString() {
        return name + ": " + (isSecret() ? "******" : value);
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0;
    }
}
