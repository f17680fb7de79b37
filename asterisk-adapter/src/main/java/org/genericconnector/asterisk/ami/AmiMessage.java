package org.genericconnector.asterisk.ami;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One AMI packet: an ordered list of headers in which a name may repeat ({@code Variable},
 * {@code ChanVariable}, {@code Output}). Immutable and thread-safe.
 *
 * <p>Lookups ignore case, as Asterisk does. Header order is kept for writing and display but must
 * never carry meaning: Asterisk puts {@code ActionID} first in responses and last in some list events.
 * {@link #toString()} masks {@code Secret} and {@code Key}, so a message may be logged as it is.
 */
public final class AmiMessage {

    private final List<AmiHeader> headers;
    private final AmiKind kind;

    private AmiMessage(List<AmiHeader> headers) {
        this.headers = List.copyOf(headers);
        this.kind = kindOf(this.headers);
    }

    /** A message with these headers, in this order. */
    public static AmiMessage of(List<AmiHeader> headers) {
        return new AmiMessage(headers);
    }

    /** A builder for an action, starting with {@code Action: name}. */
    public static Builder action(String name) {
        return builder().add(AmiKind.ACTION.header(), name);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    public AmiKind kind() {
        return kind;
    }

    /** The value of the header that gives the kind: the action or event name, or the response status. */
    public String name() {
        return kind == AmiKind.UNKNOWN ? "" : get(kind.header()).orElse("");
    }

    public List<AmiHeader> headers() {
        return headers;
    }

    /** The first value of a header, ignoring the case of its name. */
    public Optional<String> get(String name) {
        for (AmiHeader h : headers) {
            if (h.is(name)) {
                return Optional.of(h.value());
            }
        }
        return Optional.empty();
    }

    /** The first value of a header, or {@code ""} when it is absent. */
    public String getOrEmpty(String name) {
        return get(name).orElse("");
    }

    /** Every value of a header in wire order, ignoring the case of its name; empty when absent. */
    public List<String> getAll(String name) {
        return headers.stream().filter(h -> h.is(name)).map(AmiHeader::value).toList();
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    public Optional<String> actionId() {
        return get("ActionID");
    }

    /** True for {@code Response: Success}. */
    public boolean isSuccess() {
        return kind == AmiKind.RESPONSE && name().equalsIgnoreCase("Success");
    }

    /** True for {@code Response: Error}. */
    public boolean isError() {
        return kind == AmiKind.RESPONSE && name().equalsIgnoreCase("Error");
    }

    /** True when this response announces a list ({@code EventList: start}). */
    public boolean startsList() {
        return kind == AmiKind.RESPONSE && getOrEmpty("EventList").equalsIgnoreCase("start");
    }

    /** True when this event ends a list ({@code EventList: Complete}). */
    public boolean completesList() {
        return kind == AmiKind.EVENT && getOrEmpty("EventList").equalsIgnoreCase("Complete");
    }

    /** A copy whose only ActionID is {@code actionId}, placed right after the first header. */
    public AmiMessage withActionId(String actionId) {
        List<AmiHeader> copy = new ArrayList<>(headers.size() + 1);
        for (AmiHeader h : headers) {
            if (!h.is("ActionID")) {
                copy.add(h);
            }
        }
        copy.add(Math.min(1, copy.size()), new AmiHeader("ActionID", actionId));
        return new AmiMessage(copy);
    }

    /** The headers on one line, credentials masked: {@code [Action: Login, Username: cti, Secret: ******]}. */
    @Override
    public String toString() {
        return headers.stream().map(AmiHeader::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmiMessage m && headers.equals(m.headers);
    }

    @Override
    public int hashCode() {
        return headers.hashCode();
    }

    private static AmiKind kindOf(List<AmiHeader> headers) {
        if (!headers.isEmpty()) {
            for (AmiKind k : List.of(AmiKind.RESPONSE, AmiKind.EVENT, AmiKind.ACTION)) {
                if (headers.getFirst().is(k.header())) {
                    return k;
                }
            }
        }
        // Not first: Event wins, because OriginateResponse events also carry a Response header.
        for (AmiKind k : List.of(AmiKind.EVENT, AmiKind.RESPONSE, AmiKind.ACTION)) {
            if (headers.stream().anyMatch(h -> h.is(k.header()))) {
                return k;
            }
        }
        return AmiKind.UNKNOWN;
    }

    /** Collects headers in order. Not thread-safe; use from one thread. */
    public static final class Builder {
        private final List<AmiHeader> headers = new ArrayList<>();

        private Builder() {
        }

        /** Appends a header; repeat the name to send it several times (e.g. {@code Variable}). */
        public Builder add(String name, String value) {
            headers.add(new AmiHeader(name, Objects.requireNonNull(value, name)));
            return this;
        }

        public AmiMessage build() {
            return new AmiMessage(headers);
        }
    }
}
