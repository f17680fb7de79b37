package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <Queues><Queue>..</Queue>..</Queues>} ({@code GET /User/{id}/Queues}). */
@JacksonXmlRootElement(localName = "Queues")
public record Queues(@JacksonXmlProperty(localName = "Queue") List<Queue> items) {
    public Queues {
        items = Values.list(items);
    }
}
