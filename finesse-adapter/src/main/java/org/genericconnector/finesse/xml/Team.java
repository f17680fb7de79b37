package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * {@code GET /Team/{id}}: the team with a summary {@link User} per member (uri, loginId, names,
 * dialogs, extension, state, pendingState, stateChangeTime, reasonCode). Immutable.
 */
@JacksonXmlRootElement(localName = "Team")
@JsonPropertyOrder({"uri", "id", "name", "users"})
public record Team(String uri, String id, String name, Users users) {
    public Team {
        uri = Values.text(uri);
        id = Values.text(id);
        name = Values.text(name);
        users = Values.orElse(users, Users.NONE);
    }

    /** {@code <users><User>..</User>..</users>}. */
    public record Users(@JacksonXmlProperty(localName = "User") List<User> items) {
        public static final Users NONE = new Users(List.of());

        public Users {
            items = Values.list(items);
        }
    }
}
