package org.genericconnector.protocol.command;

import java.util.Objects;

import org.genericconnector.protocol.ProtocolError;

/** What parsing one command message gives: the command, or the error to send back. Never both. */
public sealed interface ParseResult {

    record Parsed(Command command) implements ParseResult {
        public Parsed { Objects.requireNonNull(command, "command"); }
    }

    record Rejected(ProtocolError error) implements ParseResult {
        public Rejected { Objects.requireNonNull(error, "error"); }
    }
}
