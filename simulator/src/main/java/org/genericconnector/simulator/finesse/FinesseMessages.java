package org.genericconnector.simulator.finesse;

/**
 * The envelopes: the notification Update (finesse.md §6), the synchronous ApiErrors body and the
 * asynchronous apiErrors notification data (§5). Stateless.
 */
final class FinesseMessages {
    private FinesseMessages() {
    }

    /** {@code <Update><event/><requestId/><source/><data>...</data></Update>}. */
    static String update(String event, String requestId, String source, String data) {
        return new Xml().open("Update").leaf("event", event).leaf("requestId", requestId == null ? "" : requestId)
                .leaf("source", source).open("data").raw(data).close().close().toString();
    }

    /** The synchronous error body. */
    static String apiErrors(String errorType, String errorMessage, String errorData) {
        return new Xml().open("ApiErrors").open("ApiError").leaf("ErrorType", errorType).leaf("ErrorMessage", errorMessage)
                .leaf("ErrorData", errorData).close().close().toString();
    }

    /** The data of an asynchronous (CTI) error notification, lowercase names as captured from Finesse 12.5. */
    static String asyncApiErrors(FinesseCtiError error) {
        return new Xml().open("apiErrors").open("apiError").leaf("peripheralErrorCode", error.errorData())
                .leaf("errorType", error.errorType()).leaf("errorMessage", error.errorMessage())
                .leaf("peripheralErrorText", error.text()).leaf("peripheralErrorMsg", "")
                .leaf("errorData", error.errorData()).close().close().toString();
    }

    /** The {@code <notification>} payload an Update travels in: the Update escaped as text. */
    static String notification(String update) {
        return "<notification xmlns=\"urn:xmpp:push:0\">" + Xml.escape(update) + "</notification>";
    }
}
