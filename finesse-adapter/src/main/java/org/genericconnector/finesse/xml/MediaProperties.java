package org.genericconnector.finesse.xml;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * A voice Dialog's {@code <mediaProperties>}. callKey* are CCE only. Immutable.
 *
 * @param callType     ACD_IN, PREROUTE_ACD_IN, TRANSFER, OUT, AGENT_INSIDE, CONSULT, CONFERENCE,
 *                     SUPERVISOR_MONITOR, OUTBOUND_PREVIEW, ... kept as text
 * @param wrapUpReason the wrap-up reason label set on the call, "" for none
 */
@JsonPropertyOrder({"mediaId", "dialedNumber", "DNIS", "callType", "queueNumber", "queueName",
        "callKeyCallId", "callKeySequenceNum", "callKeyPrefix", "wrapUpReason", "callvariables"})
public record MediaProperties(
        String mediaId, String dialedNumber, @JsonProperty("DNIS") String dnis, String callType,
        String queueNumber, String queueName, String callKeyCallId, String callKeySequenceNum,
        String callKeyPrefix, String wrapUpReason, CallVariables callvariables) {

    public static final MediaProperties NONE =
            new MediaProperties("", "", "", "", "", "", "", "", "", "", CallVariables.NONE);

    public MediaProperties {
        mediaId = Values.text(mediaId);
        dialedNumber = Values.text(dialedNumber);
        dnis = Values.text(dnis);
        callType = Values.text(callType);
        queueNumber = Values.text(queueNumber);
        queueName = Values.text(queueName);
        callKeyCallId = Values.text(callKeyCallId);
        callKeySequenceNum = Values.text(callKeySequenceNum);
        callKeyPrefix = Values.text(callKeyPrefix);
        wrapUpReason = Values.text(wrapUpReason);
        callvariables = Values.orElse(callvariables, CallVariables.NONE);
    }

    /** The value of the named call variable (exact name, e.g. {@code callVariable1}, {@code user.x}). */
    public Optional<String> callVariable(String name) {
        return callvariables.items().stream().filter(v -> v.name().equals(name)).map(NameValue::value).findFirst();
    }

    /** {@code <callvariables><CallVariable><name/><value/></CallVariable>..</callvariables>}. */
    public record CallVariables(@JacksonXmlProperty(localName = "CallVariable") List<NameValue> items) {
        public static final CallVariables NONE = new CallVariables(List.of());

        public CallVariables {
            items = Values.list(items);
        }

        public static CallVariables of(NameValue... variables) {
            return new CallVariables(List.of(variables));
        }
    }
}
