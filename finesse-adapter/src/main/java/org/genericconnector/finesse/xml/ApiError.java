package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One Finesse error. REST bodies spell the elements {@code ErrorType}, notifications
 * {@code errorType}; both read. The peripheral* elements come with CTI errors since 12.5. Immutable.
 *
 * @param errorType    e.g. "Invalid State", "Invalid Device", "Call Operation Failure", "Not Found"
 * @param errorData    for CTI errors the numeric CTI code (22), else free text
 * @param errorMessage for CTI errors the CTI constant (CF_INVALID_OBJECT_STATE), else free text
 */
@JsonPropertyOrder({"errorType", "errorData", "errorMessage", "peripheralErrorCode", "peripheralErrorText",
        "peripheralErrorMsg"})
public record ApiError(String errorType, String errorData,
                       String errorMessage,
                       String peripheralErrorCode, String peripheralErrorText, String peripheralErrorMsg) {
    public ApiError {
        errorType = Values.text(errorType);
        errorData = Values.text(errorData);
        errorMessage = Values.text(errorMessage);
        peripheralErrorCode = Values.text(peripheralErrorCode);
        peripheralErrorText = Values.text(peripheralErrorText);
        peripheralErrorMsg = Values.text(peripheralErrorMsg);
    }

    /** An error with only a type and a message, as REST answers carry. */
    public static ApiError of(String errorType, String errorMessage) {
        return new ApiError(errorType, "", errorMessage, "", "", "");
    }
}
