package org.genericconnector.finesse.error;

import static org.genericconnector.protocol.spi.AcdException.Kind.PERMANENT;
import static org.genericconnector.protocol.spi.AcdException.Kind.REJECTED;
import static org.genericconnector.protocol.spi.AcdException.Kind.RETRIABLE;

import java.io.IOException;
import java.util.Optional;
import java.util.StringJoiner;

import org.genericconnector.finesse.xml.ApiError;
import org.genericconnector.finesse.xml.ApiErrors;
import org.genericconnector.protocol.ErrorCode;

/**
 * Maps Finesse failures to a GC {@link ErrorCode} and an {@link org.genericconnector.protocol.spi.AcdException.Kind}.
 *
 * <p>The error's own words decide first, most specific first: the CTI constant in
 * {@code errorMessage} (CF_INVALID_OBJECT_STATE), then {@code peripheralErrorMsg}, then a numeric
 * {@code errorData} or {@code peripheralErrorCode} with a documented meaning (22, 260, 20999...),
 * then the {@code errorType} ("Invalid State", "Device Busy", "Authorization Failure"...). Only
 * when none of them is known does the HTTP status decide: 401 SUBSCRIPTION_FAILED, 404
 * USER_NOT_FOUND (invalid call id for a dialog), 500 CF_GENERIC_UNSPECIFIED, 503 and transport
 * failures PLEASE_RETRY. 502, 503 and 504 are PLEASE_RETRY whatever the body says. An unknown asynchronous error is CF_GENERIC_UNSPECIFIED, rejected.
 *
 * <p>Stateless and thread-safe.
 */
public final class FinesseErrorMapper {

    private static final MappedError UNSPECIFIED = MappedError.of(ErrorCode.CF_GENERIC_UNSPECIFIED, REJECTED);

    /** An asynchronous (notification) error, or the first error of a REST body. */
    public MappedError fromApiErrors(ApiErrors errors) {
        return errors.items().isEmpty() ? UNSPECIFIED.withDetail("empty ApiErrors")
                : fromApiError(errors.items().get(0));
    }

    /** One error, with no HTTP status (an asynchronous CTI error). */
    public MappedError fromApiError(ApiError error) {
        return byContent(error).orElse(UNSPECIFIED).withDetail(describe(error));
    }

    /**
     * A REST answer with a failure status and its (possibly empty) {@code <ApiErrors>} body.
     *
     * @param status the HTTP status, 400 or above
     * @param target what the request addressed
     */
    public MappedError fromHttp(int status, ApiErrors body, RequestTarget target) {
        Optional<ApiError> first = body.items().stream().findFirst();
        String detail = "HTTP " + status + first.map(e -> " " + describe(e)).orElse("");
        if (status == 502 || status == 503 || status == 504) {
            // out of service, failing over or a proxy without Finesse behind it: whatever the body says
            return new MappedError(ErrorCode.PLEASE_RETRY, RETRIABLE, detail);
        }
        return first.flatMap(FinesseErrorMapper::byContent)
                .orElseGet(() -> byStatus(status, target))
                .withDetail(detail);
    }

    /** No answer at all: connect failure, reset, timeout. Always PLEASE_RETRY, retriable. */
    public MappedError fromTransport(IOException failure) {
        return new MappedError(ErrorCode.PLEASE_RETRY, RETRIABLE,
                failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }

    private static Optional<MappedError> byContent(ApiError error) {
        return CtiErrors.byConstant(error.errorMessage())
                .or(() -> CtiErrors.byConstant(error.peripheralErrorMsg()))
                .or(() -> CtiErrors.byNumber(error.errorData()))
                .or(() -> CtiErrors.byNumber(error.peripheralErrorCode()))
                .or(() -> CtiErrors.byType(error.errorType()));
    }

    private static MappedError byStatus(int status, RequestTarget target) {
        return switch (status) {
            case 401 -> MappedError.of(ErrorCode.SUBSCRIPTION_FAILED, PERMANENT);
            case 403 -> MappedError.of(ErrorCode.CF_GENERIC_UNSPECIFIED, PERMANENT);
            case 404 -> notFound(target);
            case 408, 429 -> MappedError.of(ErrorCode.PLEASE_RETRY, RETRIABLE);
            case 500 -> MappedError.of(ErrorCode.CF_GENERIC_UNSPECIFIED, RETRIABLE);
            case 501 -> MappedError.of(ErrorCode.UNSUPPORTED_COMMAND, PERMANENT);
            default -> status >= 500 ? MappedError.of(ErrorCode.PLEASE_RETRY, RETRIABLE)
                    : MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED);
        };
    }

    private static MappedError notFound(RequestTarget target) {
        return switch (target) {
            case USER -> MappedError.of(ErrorCode.USER_NOT_FOUND, PERMANENT);
            case DIALOG -> MappedError.of(ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED);
            case OTHER -> MappedError.of(ErrorCode.CF_GENERIC_OPERATION, REJECTED);
        };
    }

    /** Finesse's words for the log: type, message, data and peripheral code, whichever are present. */
    private static String describe(ApiError error) {
        StringJoiner text = new StringJoiner(" / ");
        for (String part : new String[] {error.errorType(), error.errorMessage(), error.errorData(),
                error.peripheralErrorCode(), error.peripheralErrorMsg()}) {
            if (!part.isBlank()) {
                text.add(part.strip());
            }
        }
        return text.toString();
    }
}
