package org.genericconnector.protocol.command;

import org.genericconnector.protocol.ErrorCode;

/** Thrown inside the parser when an argument is missing or wrong; never leaves {@link CommandParser}. */
final class ArgumentProblem extends Exception {
    private final ErrorCode code;

    ArgumentProblem(ErrorCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
