package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <Contacts><Contact>..</Contact>..</Contacts>}. */
@JacksonXmlRootElement(localName = "Contacts")
public record Contacts(@JacksonXmlProperty(localName = "Contact") List<Contact> items) {
    public Contacts {
        items = Values.list(items);
    }
}
