package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A team a supervisor supervises, in User {@code <teams><Team>}. */
@JsonPropertyOrder({"id", "name", "uri"})
public record TeamRef(String id, String name, String uri) {
    public TeamRef {
        id = Values.text(id);
        name = Values.text(name);
        uri = Values.text(uri);
    }
}
