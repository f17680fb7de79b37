package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <ReasonCodes><ReasonCode>..</ReasonCode>..</ReasonCodes>}. */
@JacksonXmlRootElement(localName = "ReasonCodes")
public record ReasonCodes(@JacksonXmlProperty(localName = "ReasonCode") List<ReasonCode> items) {
    public ReasonCodes {
        items = Values.list(items);
    }
}
