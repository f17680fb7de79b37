package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** {@code <WrapUpReasons><WrapUpReason>..</WrapUpReason>..</WrapUpReasons>}. */
@JacksonXmlRootElement(localName = "WrapUpReasons")
public record WrapUpReasons(@JacksonXmlProperty(localName = "WrapUpReason") List<WrapUpReason> items) {
    public WrapUpReasons {
        items = Values.list(items);
    }
}
