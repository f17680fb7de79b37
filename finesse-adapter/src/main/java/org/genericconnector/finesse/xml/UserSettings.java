package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A User's {@code <settings>}: wrap-up modes REQUIRED, REQUIRED_WITH_WRAP_UP_DATA, OPTIONAL or
 * NOT_ALLOWED, kept as text.
 */
@JsonPropertyOrder({"wrapUpOnIncoming", "wrapUpOnOutgoing"})
public record UserSettings(String wrapUpOnIncoming, String wrapUpOnOutgoing) {
    public static final UserSettings NONE = new UserSettings("", "");

    public UserSettings {
        wrapUpOnIncoming = Values.text(wrapUpOnIncoming);
        wrapUpOnOutgoing = Values.text(wrapUpOnOutgoing);
    }
}
