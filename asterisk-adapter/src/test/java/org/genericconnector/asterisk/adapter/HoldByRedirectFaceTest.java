package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.command.CommandName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code hold-strategy: redirect} against the simulator's AMI face over TCP: HoldCall as a dual Redirect, RetrieveCall
 * as a Bridge, HELD / ACTIVE from the bridge events, and the party left in the dialplan hung up when the other one
 * goes. Waits are for events, bounded, never sleeps.
 */
class HoldByRedirectFaceTest {
    @RegisterExtension
    final FaceFixture ami = new FaceFixture().setting("hold-strategy", "redirect").setting("redirect.context", "gc-hold");

    /** Agent 1003 (REQUIRED, 5003) talking with 5551234; returns {dialog, the face's call id}. */
    private String[] talking() throws Exception {
        ami.login("1003", "5003", true);
        String call = ami.inbound("sales", "5551234");
        String dialog = AsteriskAdapterFaceTest.dialogOf(ami.context.await("1003", "State RESERVED"));
        ami.run(new Command.AnswerCall("1003", dialog));
        ami.context.await("1003", "State TALKING"); // HoldCall may follow at once: the bridge events need not be in yet
        return new String[] {dialog, call};
    }

    private void held(String dialog) throws Exception {
        ami.context.clear();
        ami.run(new Command.HoldCall("1003", dialog));
        assertThat(ami.context.await("1003", "State HOLD")).containsSubsequence("InboundCall HELD " + dialog + " vars [, , ]", "State HOLD");
    }

    @Test
    void holdCallRedirectsBothPartiesAndRetrieveCallBridgesThemAgain() throws Exception {
        assertThat(ami.adapter.supportedCommands()).contains(CommandName.HOLD_CALL, CommandName.RETRIEVE_CALL);
        String dialog = talking()[0];
        held(dialog);
        assertThat(ami.adapter.model().channelsOfCall(dialog)).hasSize(2); // both parties are still up, in the dialplan
        assertThat(ami.fails(new Command.HoldCall("1003", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);
        assertThat(ami.fails(new Command.TransferSst("1003", "5002", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);

        ami.context.clear();
        ami.run(new Command.RetrieveCall("1003", dialog));
        assertThat(ami.context.await("1003", "State TALKING")).containsSubsequence("InboundCall ACTIVE " + dialog + " vars [, , ]",
                "State TALKING");
        assertThat(ami.fails(new Command.RetrieveCall("1003", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE);

        // held and retrieved twice: the same dialog all along
        held(dialog);
        ami.context.clear();
        ami.run(new Command.RetrieveCall("1003", dialog));
        ami.context.await("1003", "State TALKING");
        ami.run(new Command.ReleaseCall("1003", dialog));
        assertThat(ami.context.await("1003", "State WORK_READY")).contains("InboundCall DROPPED " + dialog + " vars [, , ]");
    }

    @Test
    void theCallerHangingUpWhileHeldEndsTheAgentsWaitingLeg() throws Exception {
        String[] call = talking();
        held(call[0]);
        ami.control("caller-hangup dialog=" + call[1]);
        // the face keeps the agent's leg in the dialplan, as Asterisk does; the adapter hangs it up
        assertThat(ami.context.await("1003", "State WORK_READY")).containsSubsequence("InboundCall DROPPED " + call[0] + " vars [, , ]",
                "State WORK_READY");
        ami.context.awaitCondition(() -> ami.adapter.model().channelsOfCall(call[0]).isEmpty(), "no channel of the call left");
        assertThat(ami.adapter.model().stateOf("1003")).isEqualTo(AgentState.WORK_READY);
    }

    @Test
    void releasingAHeldCallAlsoEndsTheHeldParty() throws Exception {
        String dialog = talking()[0];
        held(dialog);
        ami.run(new Command.ReleaseCall("1003", dialog));
        ami.context.await("1003", "InboundCall DROPPED " + dialog + " vars [, , ]");
        // the caller, on music in the dialplan, would stay there: the adapter hangs it up too
        ami.context.awaitCondition(() -> ami.adapter.model().channelsOfCall(dialog).isEmpty(), "the held caller hung up");
    }

    @Test
    void retrieveNeedsAHeldCall() throws Exception {
        ami.login("1003", "5003", true);
        assertThat(ami.fails(new Command.RetrieveCall("1003", "nope"))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
        String dialog = talking2();
        assertThat(ami.fails(new Command.RetrieveCall("1003", dialog))).isEqualTo(ErrorCode.CF_INVALID_OBJECT_STATE); // ACTIVE
        List<org.genericconnector.protocol.event.Event> state = ami.run(new Command.GetDialogState("1003", dialog));
        assertThat(((org.genericconnector.protocol.event.Event.DialogState) state.get(0)).state())
                .isEqualTo(org.genericconnector.protocol.CallState.ACTIVE);
    }

    private String talking2() throws Exception {
        ami.inbound("sales", "5551234");
        String dialog = AsteriskAdapterFaceTest.dialogOf(ami.context.await("1003", "State RESERVED"));
        ami.run(new Command.AnswerCall("1003", dialog));
        ami.context.await("1003", "State TALKING");
        return dialog;
    }
}
