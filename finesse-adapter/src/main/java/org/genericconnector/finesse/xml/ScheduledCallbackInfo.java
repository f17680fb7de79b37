package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An outbound callback: {@code callbackTime} as {@code YYYY-MM-DDTHH:MM} and the number to call. */
@JsonPropertyOrder({"callbackTime", "callbackNumber"})
public record ScheduledCallbackInfo(String callbackTime, String callbackNumber) {
    public static final ScheduledCallbackInfo NONE = new ScheduledCallbackInfo("", "");

    public ScheduledCallbackInfo {
        callbackTime = Values.text(callbackTime);
        callbackNumber = Values.text(callbackNumber);
    }
}
