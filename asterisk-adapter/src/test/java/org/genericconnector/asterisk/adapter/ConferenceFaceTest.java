package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The participants of a three-way call made by ConsultCall then Conferencecall (Atxfer, {@code *3}, AttendedTransfer
 * DestType Threeway), against the simulator's AMI face over TCP: every party of the bridge while there are three,
 * back to two when one leaves, and dropparticipant hanging up exactly that party's channel. Waits are for events,
 * bounded, never sleeps.
 */
class ConferenceFaceTest {
    /** Pings only every 10 minutes (LinkFaceTest tests those). */
    @RegisterExtension
    final FaceFixture ami = new FaceFixture().setting("ping-interval", "10m");

    private static final String CALLER = "5551234";

    /** The main dialog (1003's, from 5551234) and the consulted agent 1002's dialog, once the three talk. */
    private record ThreeWay(String main, String consulted) {
    }

    /** 1003 (5003) takes a queue call, consults 1002 (5002), who answers, and makes it a three-way call. */
    private ThreeWay conference() throws Exception {
        ami.login("1002", "5002", false);
        ami.login("1003", "5003", true);
        ami.inbound("sales", CALLER);
        String dialog = AsteriskAdapterFaceTest.dialogOf(ami.context.await("1003", "State RESERVED"));
        ami.run(new Command.AnswerCall("1003", dialog));
        ami.context.await("1003", "State TALKING");
        assertThat(participants("1003", dialog)).containsExactly(CALLER, "5003");

        ami.run(new Command.ConsultCall("1003", "5002", dialog));
        String offered = AsteriskAdapterFaceTest.dialogOf(ami.context.awaitMatch("1002", l -> l.startsWith("NewInboundCall"),
                "the consult call"));
        ami.run(new Command.AnswerCall("1002", offered));
        ami.context.await("1003", "ConsultCall ACTIVE " + dialog + ".c");
        ami.context.await("1002", "State TALKING");
        assertThat(participants("1003", dialog)).as("while consulting: the held call").containsExactly(CALLER, "5003");
        assertThat(participants("1002", offered)).as("the consult call").containsExactly("5003", "5002");
        ami.context.clear();

        ami.run(new Command.ConferenceCall("1003", "5002", dialog));
        String all = "ConferenceParticipants [" + CALLER + ", 5003, 5002]";
        ami.context.await("1003", all);
        // the guide's order: InboundCall ACTIVE, ConsultCall DROP, InboundCall ACTIVE (now with every party)
        assertThat(ami.context.brief("1003")).containsSubsequence("InboundCall ACTIVE " + dialog + " vars [, , ]",
                "ConsultCall DROPPED " + dialog + ".c", "InboundCall ACTIVE " + dialog + " vars [, , ]", all);
        assertThat(participants("1003", dialog)).containsExactly(CALLER, "5003", "5002");
        // the consulted agent's call is the same three-way call: the one who called it first
        ami.context.await("1002", "ConferenceParticipants [5003, " + CALLER + ", 5002]");
        assertThat(participants("1002", offered)).containsExactly("5003", CALLER, "5002");
        return new ThreeWay(dialog, offered);
    }

    @Test
    void threeWayCallListsEveryPartyAndTheConsultedPartyHangingUpMakesItTwoAgain() throws Exception {
        ThreeWay call = conference();
        ami.context.clear();

        ami.run(new Command.ReleaseCall("1002", call.consulted()));
        ami.context.await("1002", "InboundCall DROPPED " + call.consulted() + " vars [, , ]");
        ami.context.awaitCondition(() -> participants("1003", call.main()).size() == 2, "1003 back to two parties");
        assertThat(participants("1003", call.main())).containsExactly(CALLER, "5003");
        assertThat(ami.context.brief("1003")).noneMatch(l -> l.startsWith("InboundCall DROPPED") || l.startsWith("ConferenceParticipants"))
                .contains("InboundCall ACTIVE " + call.main() + " vars [, , ]");
        assertThat(ami.adapter.model().stateOf("1003")).isEqualTo(AgentState.TALKING);

        // the two-party call goes on as any other: the caller and the agent, then the end
        ami.run(new Command.ReleaseCall("1003", call.main()));
        ami.context.await("1003", "InboundCall DROPPED " + call.main() + " vars [, , ]");
        assertThat(last("1003", call.main()).participants()).containsExactly(CALLER);
    }

    @Test
    void theAgentLeavingEndsItsDialogAndTheOthersTalkOnAsTwo() throws Exception {
        ThreeWay call = conference();
        ami.context.clear();

        ami.run(new Command.ReleaseCall("1003", call.main()));
        ami.context.await("1003", "InboundCall DROPPED " + call.main() + " vars [, , ]");
        ami.context.await("1003", "State WORK_READY");                                     // 1003 is REQUIRED
        ami.context.awaitCondition(() -> participants("1002", call.consulted()).size() == 2, "1002 back to two parties");
        assertThat(participants("1002", call.consulted())).containsExactly(CALLER, "5002");
        assertThat(ami.context.brief("1002")).noneMatch(l -> l.startsWith("InboundCall DROPPED"));
        assertThat(ami.adapter.model().stateOf("1002")).isEqualTo(AgentState.TALKING);
    }

    @Test
    void dropParticipantHangsUpExactlyTheConsultedPartysChannel() throws Exception {
        ami.login("1001", "5001", false);                                              // supervisor of team 10
        ThreeWay call = conference();
        ami.context.clear();

        // named under the main dialog id, although 1002's channel came from its own (consult) call
        List<Event> reply = ami.run(new Command.DropParticipant("1001", "5002", call.main()));
        assertThat(reply).extracting(ModelHarness::brief).containsExactly("PrintStatusBar Participant 5002 dropped from dialog "
                + call.main());
        ami.context.await("1002", "InboundCall DROPPED " + call.consulted() + " vars [, , ]");
        ami.context.awaitCondition(() -> participants("1003", call.main()).size() == 2, "1003 back to two parties");
        assertThat(participants("1003", call.main())).containsExactly(CALLER, "5003");
        assertThat(ami.context.brief("1003")).noneMatch(l -> l.startsWith("InboundCall DROPPED"));
        assertThat(ami.adapter.model().dialog("1003", call.main()).orElseThrow().state()).isEqualTo(CallState.ACTIVE);
        // nobody is at 5002 in the call any more
        assertThat(ami.fails(new Command.DropParticipant("1001", "5002", call.main()))).isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    @Test
    void dropParticipantOfTheAgentUnderTheConsultedPartysDialogId() throws Exception {
        ami.login("1001", "5001", false);
        ThreeWay call = conference();
        ami.context.clear();

        ami.run(new Command.DropParticipant("1001", "5003", call.consulted()));
        ami.context.await("1003", "InboundCall DROPPED " + call.main() + " vars [, , ]");
        ami.context.awaitCondition(() -> participants("1002", call.consulted()).size() == 2, "1002 back to two parties");
        assertThat(participants("1002", call.consulted())).containsExactly(CALLER, "5002");
        assertThat(ami.adapter.model().stateOf("1002")).isEqualTo(AgentState.TALKING);
        assertThat(ami.fails(new Command.DropParticipant("1003", "5002", call.consulted())))
                .as("not a supervisor").isEqualTo(ErrorCode.CF_GENERIC_UNSPECIFIED);
    }

    // ------------------------------------------------------------ helpers

    /** The participants of the last InboundCall the agent got for the dialog (since the last clear; none: empty). */
    private List<String> participants(String agentId, String dialogId) {
        return ami.context.published().stream().anyMatch(e -> e instanceof Event.InboundCall i && i.agentId().equals(agentId)
                && i.dialogId().equals(dialogId)) ? last(agentId, dialogId).participants() : List.of();
    }

    private Event.InboundCall last(String agentId, String dialogId) {
        return ami.context.published().stream().filter(e -> e instanceof Event.InboundCall i && i.agentId().equals(agentId)
                && i.dialogId().equals(dialogId)).map(Event.InboundCall.class::cast).reduce((a, b) -> b).orElseThrow();
    }
}
