package org.genericconnector.finesse.xml;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * A Finesse User: the full object of {@code GET /User/{id}} and of User notifications, and the
 * summary a Team lists (a subset of the same elements, with a lowercase {@code <reasonCode>}).
 * Ids stay text: UCCX login ids are not numeric. Immutable.
 *
 * @param reasonCodeId    the reason code's database id, "-1" for none
 * @param stateChangeTime {@code YYYY-MM-DDThh:mm:ss.SSSZ}, "" if unknown
 * @param pendingState    the state Finesse will apply when it can, "" for none
 * @param teams           the teams a supervisor supervises
 * @param mobileAgent     mode and dial number of a mobile agent, {@link MobileAgent#NONE} otherwise
 */
@JacksonXmlRootElement(localName = "User")
@JsonPropertyOrder({"uri", "loginId", "loginName", "firstName", "lastName", "extension", "dialogs",
        "mediaType", "state", "pendingState", "stateChangeTime", "reasonCodeId", "ReasonCode", "roles",
        "settings", "teamId", "teamName", "teams", "wrapUpTimer", "mobileAgent"})
public record User(
        String uri, String loginId, String loginName, String firstName, String lastName,
        String extension, String dialogs, String mediaType, UserState state, String pendingState,
        String stateChangeTime, String reasonCodeId, @JsonProperty("ReasonCode") ReasonCode reasonCode,
        Roles roles, UserSettings settings, String teamId, String teamName, Teams teams,
        String wrapUpTimer, MobileAgent mobileAgent) {

    public User {
        uri = Values.text(uri);
        loginId = Values.text(loginId);
        loginName = Values.text(loginName);
        firstName = Values.text(firstName);
        lastName = Values.text(lastName);
        extension = Values.text(extension);
        dialogs = Values.text(dialogs);
        mediaType = Values.text(mediaType);
        state = Values.orElse(state, UserState.UNKNOWN);
        pendingState = Values.text(pendingState);
        stateChangeTime = Values.text(stateChangeTime);
        reasonCodeId = Values.text(reasonCodeId);
        reasonCode = Values.orElse(reasonCode, ReasonCode.NONE);
        roles = Values.orElse(roles, Roles.NONE);
        settings = Values.orElse(settings, UserSettings.NONE);
        teamId = Values.text(teamId);
        teamName = Values.text(teamName);
        teams = Values.orElse(teams, Teams.NONE);
        wrapUpTimer = Values.text(wrapUpTimer);
        mobileAgent = Values.orElse(mobileAgent, MobileAgent.NONE);
    }

    /** The pending state, if Finesse reports one. */
    public Optional<UserState> pending() {
        return pendingState.isBlank() ? Optional.empty() : Optional.of(UserStates.parse(pendingState));
    }

    /** True if the user has the role, compared without regard to case ("Supervisor"). */
    public boolean hasRole(String role) {
        return roles.items().stream().anyMatch(r -> r.strip().equalsIgnoreCase(role));
    }

    /** {@code <roles><role>Agent</role><role>Supervisor</role></roles>}. */
    // Lists are wrapper records: Jackson XML cannot bind a wrapped list through a record constructor.
    public record Roles(@JacksonXmlProperty(localName = "role") List<String> items) {
        public static final Roles NONE = new Roles(List.of());

        public Roles {
            items = Values.list(items);
        }

        public static Roles of(String... roles) {
            return new Roles(List.of(roles));
        }
    }

    /** {@code <teams><Team>..</Team></teams>}: the teams a supervisor supervises. */
    public record Teams(@JacksonXmlProperty(localName = "Team") List<TeamRef> items) {
        public static final Teams NONE = new Teams(List.of());

        public Teams {
            items = Values.list(items);
        }
    }
}
