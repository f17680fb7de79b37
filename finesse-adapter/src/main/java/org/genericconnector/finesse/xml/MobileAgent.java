package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code <mobileAgent><mode>CALL_BY_CALL|NAILED_CONNECTION</mode><dialNumber>..</dialNumber></mobileAgent>}.
 */
@JsonPropertyOrder({"mode", "dialNumber"})
public record MobileAgent(String mode, String dialNumber) {
    public static final MobileAgent NONE = new MobileAgent("", "");

    public MobileAgent {
        mode = Values.text(mode);
        dialNumber = Values.text(dialNumber);
    }

    /** The documented form for a mobile agent login. */
    public static MobileAgent of(org.genericconnector.protocol.MobileAgentMode mode, String dialNumber) {
        return new MobileAgent(mode.name(), dialNumber);
    }
}
