package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The {@code <mediaProperties>} of an UPDATE_CALL_DATA (or CCE MAKE_CALL) request: a wrap-up reason
 * and call variables; null leaves an element out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"wrapUpReason", "callvariables"})
public record CallData(String wrapUpReason, MediaProperties.CallVariables callvariables) {

    public static CallData variables(NameValue... variables) {
        return new CallData(null, MediaProperties.CallVariables.of(variables));
    }
}
