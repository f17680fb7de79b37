package org.genericconnector.simulator.finesse;

/**
 * A synchronous error: the HTTP status and the ApiErrors body's ErrorType and ErrorMessage (finesse.md §5).
 * Thrown inside a request and turned into the response by {@link FinesseRestHandler}.
 */
final class FinesseApiException extends RuntimeException {
    private final int status;
    private final String errorType;

    FinesseApiException(int status, String errorType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }

    static FinesseApiException notFound(String what) {
        return new FinesseApiException(404, "Not Found", what + " not found");
    }

    static FinesseApiException missing(String parameter) {
        return new FinesseApiException(400, "Parameter Missing", parameter + " is missing");
    }

    static FinesseApiException invalidInput(String message) {
        return new FinesseApiException(400, "Invalid Input", message);
    }
}
