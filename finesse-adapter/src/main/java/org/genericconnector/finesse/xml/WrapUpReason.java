package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <WrapUpReason><uri>/finesse/api/WrapUpReason/{id}</uri><label/><forAll/></WrapUpReason>}. */
@JacksonXmlRootElement(localName = "WrapUpReason")
@JsonPropertyOrder({"uri", "label", "forAll"})
public record WrapUpReason(String uri, String label, boolean forAll) {
    public WrapUpReason {
        uri = Values.text(uri);
        label = Values.text(label);
    }

    /** The database id: the uri's last segment. */
    public String dbId() {
        return Values.lastSegment(uri);
    }
}
