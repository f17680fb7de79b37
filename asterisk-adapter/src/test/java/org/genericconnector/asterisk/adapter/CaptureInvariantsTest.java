package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.genericconnector.asterisk.ami.Captures;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules every real capture must keep when replayed through the model, whatever happens in it: a dialog is
 * offered before it is reported, nothing is reported for it after its DROP (unless it is offered again, as a
 * queue re-offers after a ring-no-answer), every dialog ends dropped once the capture's calls are gone, and no
 * State repeats itself.
 */
class CaptureInvariantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a_protocol", "b_agent_login", "c_acd_call", "d_rona_abandon", "e_click_to_dial",
            "f1_vars_status_spy", "f2_blind_transfer_redirect", "f3_attended_transfer", "f4_hold_park_conference",
            "g_shutdown_reconnect", "h_local_devstate"})
    void dialogsAreOfferedReportedAndDroppedInOrder(String capture) {
        ModelHarness h = new ModelHarness();
        Captures.connections(capture).forEach(c -> h.feed(capture, c));
        Map<String, String> lastState = new HashMap<>(); // agent|dialog -> last reported state
        Map<String, Event.State> lastAgentState = new HashMap<>();
        for (Event e : h.events) {
            switch (e) {
                case Event.NewInboundCall n -> {
                    String key = n.agentId() + "|" + n.dialogId();
                    assertThat(lastState.get(key)).as(capture + ": " + key + " offered while live").isIn(null, "DROPPED");
                    lastState.put(key, "ALERTING");
                }
                case Event.InboundCall i -> {
                    String key = i.agentId() + "|" + i.dialogId();
                    boolean placedByAgent = lastState.get(key) == null && i.state() == CallState.INITIATED;
                    assertThat(lastState.containsKey(key) || placedByAgent).as(capture + ": " + key + " reported before offered").isTrue();
                    assertThat(lastState.get(key)).as(capture + ": " + key + " reported after its drop").isNotEqualTo("DROPPED");
                    lastState.put(key, i.state().name());
                }
                case Event.State s -> {
                    Event.State before = lastAgentState.put(s.agentId(), s);
                    if (before != null) {
                        assertThat(before.state() == s.state() && before.reasonCodeId().equals(s.reasonCodeId())
                                && java.util.Objects.equals(before.pendingState(), s.pendingState()))
                                .as(capture + ": State repeated for " + s.agentId() + ": " + s.state()).isFalse();
                    }
                }
                default -> {
                }
            }
        }
        assertThat(lastState.entrySet()).as(capture + ": every dialog ends dropped")
                .allMatch(x -> x.getValue().equals("DROPPED"), "dropped");
        for (String agent : List.of("1001", "1002", "1003")) {
            assertThat(h.model.dialogStatus(agent).dialog()).as(capture + ": " + agent + " has no dialog left").isNull();
        }
    }
}
