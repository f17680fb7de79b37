package org.genericconnector.protocol.event;

import java.util.Objects;

/** What decoding one event body gives: the event, or why it could not be read. */
public sealed interface DecodeResult {

    record Decoded(Event event) implements DecodeResult {
        public Decoded { Objects.requireNonNull(event); }
    }

    record Undecodable(String body, String reason) implements DecodeResult {
        public Undecodable { Objects.requireNonNull(body); Objects.requireNonNull(reason); }
    }
}
