package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** A phone book {@code <Contact>}; phoneNumber at most 32 characters. */
@JacksonXmlRootElement(localName = "Contact")
@JsonPropertyOrder({"firstName", "lastName", "phoneNumber", "description", "uri"})
public record Contact(String firstName, String lastName, String phoneNumber, String description, String uri) {
    public Contact {
        firstName = Values.text(firstName);
        lastName = Values.text(lastName);
        phoneNumber = Values.text(phoneNumber);
        description = Values.text(description);
        uri = Values.text(uri);
    }
}
