package org.genericconnector.finesse.xml;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import org.genericconnector.protocol.MobileAgentMode;

/**
 * PUT /User/{id} to sign in: {@code <User><state>LOGIN</state><extension>2830</extension></User>},
 * plus {@code <mobileAgent><mode/><dialNumber/></mobileAgent>} for a mobile agent (CCE).
 * Immutable.
 */
@JacksonXmlRootElement(localName = "User")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"state", "extension", "mobileAgent"})
public record UserLoginRequest(UserState state, String extension, MobileAgent mobileAgent) {

    public UserLoginRequest {
        if (state != UserState.LOGIN) {
            throw new IllegalArgumentException("a login request has state LOGIN, not " + state);
        }
        Objects.requireNonNull(extension, "extension");
    }

    public static UserLoginRequest of(String extension) {
        return new UserLoginRequest(UserState.LOGIN, extension, null);
    }

    public static UserLoginRequest mobile(String extension, MobileAgentMode mode, String dialNumber) {
        return new UserLoginRequest(UserState.LOGIN, extension, MobileAgent.of(mode, dialNumber));
    }
}
