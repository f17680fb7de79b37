package org.genericconnector.finesse;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import org.genericconnector.finesse.xml.User;

/** {@code <Users><User>..</User>..</Users>} of the admin {@code GET /finesse/api/Users}. Immutable. */
@JacksonXmlRootElement(localName = "Users")
record UsersList(@JacksonXmlProperty(localName = "User") List<User> items) {
    UsersList {
        items = items == null ? List.of() : items.stream().filter(java.util.Objects::nonNull).toList();
    }
}
