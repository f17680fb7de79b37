package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <PhoneBooks><PhoneBook>..</PhoneBook>..</PhoneBooks>}. */
@JacksonXmlRootElement(localName = "PhoneBooks")
public record PhoneBooks(@JacksonXmlProperty(localName = "PhoneBook") List<PhoneBook> items) {
    public PhoneBooks {
        items = Values.list(items);
    }
}
