package org.genericconnector.finesse.xml;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * PUT /User/{id} to change state: {@code <User><state>NOT_READY</state><reasonCodeId>12</reasonCodeId></User>}.
 * {@code reasonCodeId} is the reason code's database id (last uri segment), not its code; null leaves
 * it out. Immutable.
 */
@JacksonXmlRootElement(localName = "User")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"state", "reasonCodeId"})
public record UserStateRequest(UserState state, String reasonCodeId) {

    public UserStateRequest {
        Objects.requireNonNull(state, "state");
    }

    public static UserStateRequest ready() {
        return new UserStateRequest(UserState.READY, null);
    }

    public static UserStateRequest notReady() {
        return new UserStateRequest(UserState.NOT_READY, null);
    }

    public static UserStateRequest notReady(String reasonCodeId) {
        return new UserStateRequest(UserState.NOT_READY, reasonCodeId);
    }

    public static UserStateRequest logout() {
        return new UserStateRequest(UserState.LOGOUT, null);
    }

    public static UserStateRequest logout(String reasonCodeId) {
        return new UserStateRequest(UserState.LOGOUT, reasonCodeId);
    }
}
