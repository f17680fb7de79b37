package org.genericconnector.finesse.xml;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * One leg of a Dialog. Immutable.
 *
 * @param actions          what this participant may request now (HOLD, DROP, ANSWER, ...)
 * @param mediaAddressType AGENT_DEVICE for an agent's phone, "" for other legs
 * @param state            INITIATING, INITIATED, ALERTING, ACTIVE, HELD, FAILED, WRAP_UP, DROPPED,
 *                         ACCEPTED, kept as text
 * @param stateCause       for FAILED: BUSY, BAD_DESTINATION, OTHER, DEVICE_RESOURCE_NOT_AVAILABLE
 */
@JsonPropertyOrder({"actions", "mediaAddress", "mediaAddressType", "startTime", "state", "stateCause",
        "stateChangeTime"})
public record Participant(Actions actions, String mediaAddress, String mediaAddressType, String startTime,
                          String state, String stateCause, String stateChangeTime) {

    public Participant {
        actions = Values.orElse(actions, Actions.NONE);
        mediaAddress = Values.text(mediaAddress);
        mediaAddressType = Values.text(mediaAddressType);
        startTime = Values.text(startTime);
        state = Values.text(state);
        stateCause = Values.text(stateCause);
        stateChangeTime = Values.text(stateChangeTime);
    }

    /** True if {@code action} (e.g. "HOLD") is currently allowed, in any case. */
    public boolean allows(String action) {
        return actions.items().stream().anyMatch(a -> a.strip().equalsIgnoreCase(action));
    }

    /** {@code <actions><action>HOLD</action>..</actions>}. */
    public record Actions(@JacksonXmlProperty(localName = "action") List<String> items) {
        public static final Actions NONE = new Actions(List.of());

        public Actions {
            items = Values.list(items);
        }

        public static Actions of(String... actions) {
            return new Actions(List.of(actions));
        }
    }
}
