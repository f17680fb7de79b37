package org.genericconnector.finesse.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.genericconnector.protocol.spi.AcdException.Kind.PERMANENT;
import static org.genericconnector.protocol.spi.AcdException.Kind.REJECTED;
import static org.genericconnector.protocol.spi.AcdException.Kind.RETRIABLE;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.stream.Stream;

import org.genericconnector.finesse.Samples;
import org.genericconnector.finesse.notification.NotificationParser;
import org.genericconnector.finesse.notification.UpdateData;
import org.genericconnector.finesse.xml.ApiError;
import org.genericconnector.finesse.xml.ApiErrors;
import org.genericconnector.finesse.xml.FinesseXml;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.spi.AcdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The error table of reference section 5, mapped to GC codes and failure kinds. */
class FinesseErrorMapperTest {
    private final FinesseErrorMapper mapper = new FinesseErrorMapper();

    static Stream<Arguments> asynchronousErrors() {
        return Stream.of(
                // type, message (CTI constant), data (CTI number), expected code, kind
                Arguments.of("Invalid State", "CF_INVALID_OBJECT_STATE", "22", ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                Arguments.of("Invalid Device", "CF_INVALID_LOGON_DEVICE_SPECIFIED", "260",
                        ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED, REJECTED),
                Arguments.of("Call Operation Failure", "CF_GENERIC_OPERATION", "1", ErrorCode.CF_GENERIC_OPERATION, REJECTED),
                Arguments.of("Generic Error", "CF_GENERIC_UNSPECIFIED", "0", ErrorCode.CF_GENERIC_UNSPECIFIED, REJECTED),
                Arguments.of("Call Operation Failure", "E_CTI_INVALID_CALLID", "13", ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED),
                Arguments.of("Call Operation Failure", "E_CTI_INVALID_CALL_ID", "", ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED),
                Arguments.of("Call Operation Failure", "CF_INVALID_CSTA_CALL_ID", "11", ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED),
                Arguments.of("Device Busy", "CF_RESOURCE_BUSY", "", ErrorCode.CF_RESOURCE_BUSY, REJECTED),
                Arguments.of("Device Busy", "E_CTI_DEVICE_IN_USE", "10", ErrorCode.CF_RESOURCE_BUSY, REJECTED),
                Arguments.of("Invalid State", "E_CTI_AGENT_NOT_LOGGED_ON", "9", ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                Arguments.of("Call Operation Failure", "CF_REQUEST_INCOMPATIBLE_WITH_OBJECT", "2",
                        ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                Arguments.of("Call Operation Failure", "CF_INVALID_DESTINATION", "14", ErrorCode.CF_GENERIC_OPERATION, REJECTED),
                Arguments.of("Generic Error", "CF_RESOURCE_OUT_OF_SERVICE", "34", ErrorCode.PLEASE_RETRY, RETRIABLE),
                Arguments.of("Mode Not Allowed", "", "", ErrorCode.UNSUPPORTED_COMMAND, PERMANENT),
                // conference by a non-controller: UCCX says 22, CCE 20999 "Generic Error"
                Arguments.of("Generic Error", "", "20999", ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                Arguments.of("Invalid State", "", "88049", ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                // the constant wins over a generic type, any case
                Arguments.of("Generic Error", "cf_invalid_object_state", "", ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                // the type decides when the constant and number are unknown
                Arguments.of("Device Busy", "CF_SOMETHING_NEW", "31999", ErrorCode.CF_RESOURCE_BUSY, REJECTED),
                Arguments.of("  invalid state ", "", "", ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                // nothing known
                Arguments.of("Strange New Error", "X_UNKNOWN", "77", ErrorCode.CF_GENERIC_UNSPECIFIED, REJECTED),
                Arguments.of("", "", "", ErrorCode.CF_GENERIC_UNSPECIFIED, REJECTED));
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3} {4}")
    @MethodSource("asynchronousErrors")
    void asynchronousCtiErrors(String type, String message, String data, ErrorCode code, AcdException.Kind kind) {
        MappedError mapped = mapper.fromApiError(new ApiError(type, data, message, "", "", ""));
        assertThat(mapped.code()).isEqualTo(code);
        assertThat(mapped.kind()).isEqualTo(kind);
    }

    static Stream<Arguments> restErrors() {
        return Stream.of(
                // status, ErrorType, ErrorMessage, target, expected code, kind
                Arguments.of(400, "Invalid Input", "Invalid call variable", RequestTarget.DIALOG, ErrorCode.CF_GENERIC_OPERATION, REJECTED),
                Arguments.of(400, "Invalid Destination", "from equals to", RequestTarget.USER, ErrorCode.CF_GENERIC_OPERATION, REJECTED),
                Arguments.of(400, "Parameter Missing", "extension", RequestTarget.USER, ErrorCode.CF_GENERIC_OPERATION, REJECTED),
                Arguments.of(400, "Invalid State", "", RequestTarget.USER, ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                Arguments.of(400, "", "", RequestTarget.USER, ErrorCode.CF_GENERIC_OPERATION, REJECTED),
                Arguments.of(401, "Authorization Failure", "UNAUTHORIZED", RequestTarget.USER, ErrorCode.SUBSCRIPTION_FAILED, PERMANENT),
                Arguments.of(401, "Invalid Authorization User Specified", "", RequestTarget.USER, ErrorCode.SUBSCRIPTION_FAILED, PERMANENT),
                Arguments.of(401, "Invalid Supervisor", "", RequestTarget.USER, ErrorCode.SUBSCRIPTION_FAILED, PERMANENT),
                Arguments.of(401, "", "", RequestTarget.USER, ErrorCode.SUBSCRIPTION_FAILED, PERMANENT),
                // 401 Invalid State: SEND_DTMF on a held participant
                Arguments.of(401, "Invalid State", "", RequestTarget.DIALOG, ErrorCode.CF_INVALID_OBJECT_STATE, REJECTED),
                Arguments.of(403, "Forbidden", "", RequestTarget.OTHER, ErrorCode.CF_GENERIC_UNSPECIFIED, PERMANENT),
                Arguments.of(404, "User Not Found", "UNKNOWN_USER", RequestTarget.USER, ErrorCode.USER_NOT_FOUND, PERMANENT),
                Arguments.of(404, "Not Found", "", RequestTarget.USER, ErrorCode.USER_NOT_FOUND, PERMANENT),
                Arguments.of(404, "Dialog Not Found", "", RequestTarget.DIALOG, ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED),
                Arguments.of(404, "Not Found", "", RequestTarget.DIALOG, ErrorCode.E_CTI_INVALID_CALL_ID, REJECTED),
                Arguments.of(404, "", "", RequestTarget.OTHER, ErrorCode.CF_GENERIC_OPERATION, REJECTED),
                Arguments.of(500, "", "RUNTIME_EXCEPTION", RequestTarget.USER, ErrorCode.CF_GENERIC_UNSPECIFIED, RETRIABLE),
                Arguments.of(500, "", "DB_RUNTIME_EXCEPTION", RequestTarget.USER, ErrorCode.CF_GENERIC_UNSPECIFIED, RETRIABLE),
                Arguments.of(500, "", "", RequestTarget.USER, ErrorCode.CF_GENERIC_UNSPECIFIED, RETRIABLE),
                Arguments.of(501, "Not Implemented", "", RequestTarget.DIALOG, ErrorCode.UNSUPPORTED_COMMAND, PERMANENT),
                Arguments.of(503, "Service Unavailable", "SERVER_OUT_OF_SERVICE", RequestTarget.USER, ErrorCode.PLEASE_RETRY, RETRIABLE),
                Arguments.of(503, "Generic Error", "", RequestTarget.USER, ErrorCode.PLEASE_RETRY, RETRIABLE),
                Arguments.of(503, "", "", RequestTarget.OTHER, ErrorCode.PLEASE_RETRY, RETRIABLE),
                Arguments.of(502, "", "", RequestTarget.OTHER, ErrorCode.PLEASE_RETRY, RETRIABLE),
                Arguments.of(504, "", "", RequestTarget.OTHER, ErrorCode.PLEASE_RETRY, RETRIABLE));
    }

    @ParameterizedTest(name = "HTTP {0} {1} {2} on {3} -> {4} {5}")
    @MethodSource("restErrors")
    void restAnswers(int status, String type, String message, RequestTarget target, ErrorCode code,
                     AcdException.Kind kind) {
        ApiErrors body = type.isEmpty() && message.isEmpty() ? new ApiErrors(null) : ApiErrors.of(ApiError.of(type, message));
        MappedError mapped = mapper.fromHttp(status, body, target);
        assertThat(mapped.code()).isEqualTo(code);
        assertThat(mapped.kind()).isEqualTo(kind);
        assertThat(mapped.detail()).startsWith("HTTP " + status);
    }

    @Test
    void timeoutsAndConnectFailuresArePleaseRetry() {
        assertThat(mapper.fromTransport(new SocketTimeoutException("timeout")))
                .extracting(MappedError::code, MappedError::kind).containsExactly(ErrorCode.PLEASE_RETRY, RETRIABLE);
        assertThat(mapper.fromTransport(new ConnectException("refused")))
                .extracting(MappedError::code, MappedError::kind).containsExactly(ErrorCode.PLEASE_RETRY, RETRIABLE);
        assertThat(mapper.fromTransport(new IOException("reset")).detail()).isEqualTo("IOException: reset");
    }

    @Test
    void capturedInvalidDeviceNotificationMapsToInvalidLogonDevice() throws Exception {
        UpdateData data = new NotificationParser().parse(Samples.read("notification-error-invalid-device.xml")).data();
        MappedError mapped = mapper.fromApiErrors(((UpdateData.ErrorData) data).errors());

        assertThat(mapped.code()).isEqualTo(ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED);
        assertThat(mapped.kind()).isEqualTo(REJECTED);
        assertThat(mapped.detail()).contains("Invalid Device", "CF_INVALID_LOGON_DEVICE_SPECIFIED", "260", "10125");
    }

    @Test
    void capturedInvalidStateNotificationMapsToInvalidObjectState() throws Exception {
        UpdateData data = new NotificationParser().parse(Samples.read("notification-error-invalid-state.xml")).data();
        AcdException exception = mapper.fromApiErrors(((UpdateData.ErrorData) data).errors()).toException();

        assertThat(exception.code()).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(exception.kind()).isEqualTo(REJECTED);
    }

    @Test
    void restBodyWithCapitalisedElementsMaps() throws Exception {
        ApiErrors body = FinesseXml.read(Samples.read("api-errors-rest.xml"), ApiErrors.class);
        assertThat(mapper.fromHttp(400, body, RequestTarget.USER).code()).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
    }

    @Test
    void emptyErrorListIsUnspecified() {
        assertThat(mapper.fromApiErrors(new ApiErrors(null)).code()).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void causeIsChained() {
        IOException cause = new SocketTimeoutException("read timed out");
        AcdException exception = mapper.fromTransport(cause).toException(cause);
        assertThat(exception.getCause()).isSameAs(cause);
        assertThat(exception.kind()).isEqualTo(RETRIABLE);
    }
}
