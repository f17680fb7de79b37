package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <Dialogs><Dialog>..</Dialog>..</Dialogs>} ({@code <dialogs>} in notifications). */
@JacksonXmlRootElement(localName = "Dialogs")
public record Dialogs(@JacksonXmlProperty(localName = "Dialog") List<Dialog> items) {
    public Dialogs {
        items = Values.list(items);
    }
}
