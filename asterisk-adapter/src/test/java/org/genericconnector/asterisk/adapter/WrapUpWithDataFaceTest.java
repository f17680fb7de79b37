package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * REQUIRED_WITH_WRAP_UP_DATA against the simulator's AMI face over TCP (agent 1004, wrapUpTime 60s): as in Finesse,
 * the agent stays in wrap-up until a wrap-up reason is given for the call (wrapup command), neither the wrap-up
 * time nor MakeReady / MakeNotReady ends it before. The adapter's clock is manual: the wrap-up time passes only
 * when the test moves it.
 */
class WrapUpWithDataFaceTest {
    /** Pings only every 10 minutes: moving the manual clock over the wrap-up time must not time a Ping out. */
    @RegisterExtension
    final FaceFixture ami = new FaceFixture().setting("ping-interval", "10m");

    /** 1004 takes an ACD call and releases it; returns the dialog id, once the agent is in wrap-up. */
    private String wrappingUp() throws Exception {
        ami.login("1004", "5004", true);
        ami.inbound("sales", "5551234");
        String dialog = AsteriskAdapterFaceTest.dialogOf(ami.context.await("1004", "State RESERVED"));
        ami.run(new Command.AnswerCall("1004", dialog));
        ami.context.await("1004", "State TALKING");
        ami.run(new Command.ReleaseCall("1004", dialog));
        assertThat(ami.context.await("1004", "State WORK_READY")).contains("InboundCall DROPPED " + dialog + " vars [, , ]");
        return dialog;
    }

    @Test
    void theWrapUpTimeDoesNotEndItBeforeTheReasonThenTheReasonDoes() throws Exception {
        String dialog = wrappingUp();
        assertThat(ami.fails(new Command.MakeReady("1004", "1004"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(ami.fails(new Command.MakeNotReady("1004", "1004"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(ami.fails(new Command.MakeNotReadyWithReason("1004", "1"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(ami.fails(new Command.Logout("1004", "1004"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);

        ami.context.clear();
        ami.clock.advance(Duration.ofSeconds(61));                                   // wrapUpTime 60s is over
        assertThat(ami.clock.pending()).doesNotContain("wrap-up");
        assertThat(ami.adapter.model().stateOf("1004")).isEqualTo(AgentState.WORK_READY);
        assertThat(ami.context.brief("1004")).noneMatch(l -> l.startsWith("State"));
        assertThat(ami.fails(new Command.MakeReady("1004", "1004"))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        // the choice between WORK and WORK_READY stays the agent's
        assertThat(brief(ami.run(new Command.MakeWorkNotReady("1004", "1004")))).containsExactly("State WORK");
        assertThat(brief(ami.run(new Command.MakeWorkReady("1004", "1004")))).containsExactly("State WORK_READY");

        // a wrap-up reason for another call counts for nothing
        ami.fails(new Command.WrapUp("1004", "21", "4711.1"));
        assertThat(ami.adapter.model().stateOf("1004")).isEqualTo(AgentState.WORK_READY);

        ami.run(new Command.WrapUp("1004", "21", dialog));                            // QueueLog GCWRAPUP; the time is up
        ami.context.await("1004", "State READY");
        assertThat(ami.adapter.model().stateOf("1004")).isEqualTo(AgentState.READY);
        // the member is unpaused at Asterisk: the next queue call is offered
        ami.inbound("sales", "5559999");
        ami.context.awaitMatch("1004", l -> l.startsWith("NewInboundCall") && l.contains("from 5559999"), "the next call offered");
        assertThat(ami.context.links()).containsExactly(org.genericconnector.protocol.LinkStatus.IN_SERVICE);
    }

    @Test
    void afterTheReasonMakeReadyEndsWrapUpBeforeItsTime() throws Exception {
        String dialog = wrappingUp();
        assertThat(ami.run(new Command.WrapUp("1004", "21", dialog))).isEmpty();
        assertThat(ami.adapter.model().stateOf("1004")).isEqualTo(AgentState.WORK_READY); // the wrap-up time runs on
        assertThat(ami.clock.pending()).contains("wrap-up");
        assertThat(brief(ami.run(new Command.MakeReady("1004", "1004")))).containsExactly("State READY");
        assertThat(ami.clock.pending()).doesNotContain("wrap-up");
    }

    @Test
    void afterTheReasonTheWrapUpTimeEndsItAsForRequired() throws Exception {
        String dialog = wrappingUp();
        ami.run(new Command.WrapUp("1004", "21", dialog));
        ami.clock.advance(Duration.ofSeconds(60));
        ami.context.await("1004", "State READY");
        ami.inbound("sales", "5559999");                                              // unpaused at Asterisk too
        ami.context.awaitMatch("1004", l -> l.startsWith("NewInboundCall") && l.contains("from 5559999"), "the next call offered");
        assertThat(ami.context.links()).containsExactly(org.genericconnector.protocol.LinkStatus.IN_SERVICE);
    }

    private static List<String> brief(List<org.genericconnector.protocol.event.Event> events) {
        return events.stream().map(ModelHarness::brief).toList();
    }
}
