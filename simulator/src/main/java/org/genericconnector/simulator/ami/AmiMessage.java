package org.genericconnector.simulator.ami;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One AMI packet: {@code Name: value} headers in wire order. Names repeat (Variable, ChanVariable), so the
 * headers are a list; look-ups are case-insensitive as Asterisk's are. Immutable.
 */
public record AmiMessage(List<Header> headers) {
    public AmiMessage {
        headers = List.copyOf(headers);
    }

    /** One header line. */
    public record Header(String name, String value) {
    }

    /** The first value of {@code name}, or null. */
    public String get(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst().orElse(null);
    }

    /** The first value of {@code name}, or {@code fallback} when absent or blank. */
    public String get(String name, String fallback) {
        String value = get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public List<String> all(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
    }

    public boolean isEvent() {
        return !headers.isEmpty() && headers.get(0).name().equals("Event");
    }

    /** The {@code Privilege} classes of an event (without {@code all}); empty for list items and responses. */
    public List<String> privileges() {
        String privilege = get("Privilege");
        if (privilege == null) {
            return List.of();
        }
        return List.of(privilege.toLowerCase(java.util.Locale.ROOT).split(",")).stream().filter(c -> !c.equals("all")).toList();
    }

    /** The packet as Asterisk writes it: CRLF after each line and a blank line at the end. */
    public byte[] wire() {
        StringBuilder out = new StringBuilder();
        headers.forEach(h -> out.append(h.name()).append(": ").append(h.value()).append("\r\n"));
        return out.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder event(String name) {
        return new Builder().add("Event", name);
    }

    /** Collects headers in order. Not thread-safe. */
    public static final class Builder {
        private final List<Header> headers = new ArrayList<>();

        public Builder add(String name, Object value) {
            headers.add(new Header(name, value == null ? "" : value.toString()));
            return this;
        }

        /** Adds {@code name} only when {@code value} is not null. */
        public Builder addIfPresent(String name, String value) {
            return value == null ? this : add(name, value);
        }

        public Builder addAll(List<Header> more) {
            headers.addAll(more);
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(headers);
        }
    }
}
