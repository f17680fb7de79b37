package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * {@code <PhoneBook>}: type GLOBAL or TEAM; {@code contacts} is the uri of its Contacts list.
 */
@JacksonXmlRootElement(localName = "PhoneBook")
@JsonPropertyOrder({"uri", "name", "type", "contacts"})
public record PhoneBook(String uri, String name, String type, String contacts) {
    public PhoneBook {
        uri = Values.text(uri);
        name = Values.text(name);
        type = Values.text(type);
        contacts = Values.text(contacts);
    }

    /** The phone book id: the uri's last segment. */
    public String id() {
        return Values.lastSegment(uri);
    }
}
