package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code GET /Queue/{id}} (CCE only); the id is the skill group's PeripheralNumber. Immutable. */
@JacksonXmlRootElement(localName = "Queue")
@JsonPropertyOrder({"uri", "name", "statistics"})
public record Queue(String uri, String name, QueueStatistics statistics) {
    public Queue {
        uri = Values.text(uri);
        name = Values.text(name);
        statistics = Values.orElse(statistics, QueueStatistics.NONE);
    }

    /** The queue id: the uri's last segment. */
    public String id() {
        return Values.lastSegment(uri);
    }
}
