package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A {@code <name>}/{@code <value>} pair: a {@code <CallVariable>} (callVariable1..10, ECC
 * {@code user.x}, outbound {@code BA*}) or a request's {@code <ActionParam>}.
 */
@JsonPropertyOrder({"name", "value"})
public record NameValue(String name, String value) {
    public NameValue {
        name = Values.text(name);
        value = Values.text(value);
    }
}
