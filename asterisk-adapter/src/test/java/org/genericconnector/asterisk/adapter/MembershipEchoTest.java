package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.genericconnector.asterisk.ami.AmiMessage;
import org.genericconnector.protocol.AgentState;
import org.junit.jupiter.api.Test;

/**
 * app_queue answers QueueAdd / QueuePause / QueueRemove before it publishes the QueueMember* events they cause,
 * so those events can arrive after the adapter already applied a later command: they must not flap the state.
 */
class MembershipEchoTest {
    private final ModelHarness h = new ModelHarness();

    private void member(String event, String queue, boolean paused, String reason) {
        h.model.onEvent(AmiMessage.builder().add("Event", event).add("Queue", queue).add("MemberName", "1003")
                .add("Interface", "Local/1003@agents/n").add("Paused", paused ? "1" : "0").add("PausedReason", reason).build());
    }

    @Test
    void lateEchoesOfLoginAndReadyDoNotFlapTheState() {
        h.model.applyLogin("1003", List.of("support"));
        h.model.applyPause("1003", false, "");
        h.model.applyPause("1003", true, "2");
        assertThat(h.brief("1003")).containsExactly("State NOT_READY -1", "State READY", "State NOT_READY 2");
        member("QueueMemberAdded", "support", true, "");       // the Login's echo, after MakeNotReady was applied
        member("QueueMemberStatus", "support", true, "");      // a device change in between: no answer to an action
        member("QueueMemberPause", "support", false, "");      // MakeReady's echo
        member("QueueMemberPause", "support", true, "2");      // MakeNotReady's echo
        assertThat(h.brief("1003")).containsExactly("State NOT_READY -1", "State READY", "State NOT_READY 2");
        member("QueueMemberPause", "support", false, "");      // then someone unpauses at the phone: that is news
        assertThat(h.brief("1003")).endsWith("State READY");
        assertThat(h.model.stateOf("1003")).isEqualTo(AgentState.READY);
    }

    @Test
    void aLateEchoOfLogoutDoesNotLogTheAgentBackIn() {
        h.model.applyLogin("1003", List.of("support"));
        h.model.applyLogout("1003");
        member("QueueMemberAdded", "support", true, "");
        member("QueueMemberPause", "support", true, "");       // e.g. published before the QueueRemove
        assertThat(h.model.stateOf("1003")).isEqualTo(AgentState.LOGOUT);
        member("QueueMemberRemoved", "support", true, "");
        member("QueueMemberAdded", "support", true, "");       // added again by another tool afterwards: news
        assertThat(h.model.stateOf("1003")).isEqualTo(AgentState.NOT_READY);
    }

    @Test
    void anEchoAsteriskNeverSendsStopsBeingAwaitedAfterFiveSeconds() {
        h.model.applyLogin("1003", List.of("support"));
        h.model.applyPause("1003", false, "");
        h.clock.advance(Duration.ofSeconds(4));
        member("QueueMemberPause", "support", true, "");       // still within the wait: taken for the Login's stale state
        assertThat(h.model.stateOf("1003")).isEqualTo(AgentState.READY);
        h.clock.advance(Duration.ofSeconds(2));
        member("QueueMemberPause", "support", true, "");
        assertThat(h.model.stateOf("1003")).isEqualTo(AgentState.NOT_READY);
    }
}
