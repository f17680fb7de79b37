package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The AMI link against the simulator's AMI face: a dropped socket, an Asterisk shutdown and restart, a stalled
 * peer caught by the Ping; OUT_OF_SERVICE at once, IN_SERVICE only after the new login and a full resync, and
 * what changed meanwhile reported. Reconnect delays and Ping ticks run on the test's clock.
 */
class LinkFaceTest {
    @RegisterExtension
    final FaceFixture ami = new FaceFixture();

    private void reconnect() throws InterruptedException {
        ami.context.awaitCondition(() -> ami.clock.pending().contains("reconnect"), "a reconnect scheduled");
        ami.clock.advance(Duration.ofSeconds(2)); // first back-off: 1 s less up to 20 % jitter
    }

    @Test
    void socketDropThenResyncReportsTheCallThatArrivedMeanwhile() throws Exception {
        ami.login("1003", "5003", true);
        ami.control("ami drop");
        ami.context.awaitLink(LinkStatus.OUT_OF_SERVICE);
        assertThat(ami.adapter.linkStatus()).isEqualTo(LinkStatus.OUT_OF_SERVICE);
        assertThat(ami.fails(new Command.MakeNotReady("1003", "1003"))).isEqualTo(ErrorCode.PLEASE_RETRY);
        assertThat(ami.run(new Command.GetNotReadyReasonCodes("1003"))).hasSize(1); // configuration answers while down
        ami.context.clear();
        ami.inbound("sales", "5551234"); // rings at 1003 while the adapter is blind

        reconnect();
        ami.context.awaitLink(LinkStatus.IN_SERVICE);
        assertThat(ami.context.links()).containsExactly(LinkStatus.IN_SERVICE, LinkStatus.OUT_OF_SERVICE, LinkStatus.IN_SERVICE);
        ami.context.await("1003", "State RESERVED");
        assertThat(ami.context.brief("1003").getFirst()).startsWith("NewInboundCall ");
        assertThat(ami.adapter.snapshot("1003")).hasSize(2);
        String dialog = AsteriskAdapterFaceTest.dialogOf(ami.context.brief("1003"));
        ami.run(new Command.AnswerCall("1003", dialog));                 // the call found by the resync is usable
        ami.context.await("1003", "State TALKING");
    }

    @Test
    void asteriskShutdownAndRestartThenResync() throws Exception {
        ami.login("1003", "5003", false);
        // Shutdown event, EOF, then Asterisk is back ("ami shutdown restart=true" re-binds at once and sometimes
        // meets "Address already in use" in the face, so the restart is done in two steps here)
        ami.control("ami shutdown");
        ami.context.awaitLink(LinkStatus.OUT_OF_SERVICE);
        ami.control("ami start");
        reconnect();
        ami.context.awaitLink(LinkStatus.IN_SERVICE);
        assertThat(ami.adapter.model().stateOf("1003")).isEqualTo(org.genericconnector.protocol.AgentState.NOT_READY);
        assertThat(ami.run(new Command.MakeReady("1003", "1003"))).isNotEmpty();
    }

    @Test
    void asteriskDownForAWhileIsRetriedUntilItIsBack() throws Exception {
        ami.control("ami shutdown");
        ami.context.awaitLink(LinkStatus.OUT_OF_SERVICE);
        reconnect(); // refused: nobody listens
        reconnect(); // still refused
        // the attempt runs on the client's thread: wait for its refusal (the next attempt scheduled) before Asterisk returns
        ami.context.awaitCondition(() -> ami.clock.pending().contains("reconnect"), "the next attempt scheduled");
        assertThat(ami.adapter.linkStatus()).isEqualTo(LinkStatus.OUT_OF_SERVICE);
        ami.control("ami start");
        ami.clock.advance(Duration.ofSeconds(8)); // the back-off has grown meanwhile
        ami.context.awaitLink(LinkStatus.IN_SERVICE);
    }

    @Test
    void aStalledPeerIsCaughtByThePing() throws Exception {
        ami.control("ami stall for=3s");
        ami.context.awaitCondition(() -> ami.clock.pending().contains("ping"), "a Ping scheduled");
        ami.clock.advance(Duration.ofSeconds(15));                     // the Ping goes out ...
        ami.context.awaitCondition(() -> ami.clock.pending().contains("action-timeout"), "the Ping waiting for its answer");
        ami.clock.advance(Duration.ofSeconds(10));                     // ... and is not answered in time
        ami.context.awaitLink(LinkStatus.OUT_OF_SERVICE);
        reconnect();                                                   // the face answers again once the stall is over
        ami.context.awaitLink(LinkStatus.IN_SERVICE);
    }

    @Test
    void unknownEventsExtraFieldsAndEventsInsideListsChangeNothing() throws Exception {
        ami.control("ami extra-fields on");
        ami.control("ami interleave on");
        ami.control("ami unknown-event");
        ami.login("1003", "5003", true);
        ami.inbound("sales", "5551234");
        String dialog = AsteriskAdapterFaceTest.dialogOf(ami.context.await("1003", "State RESERVED"));
        ami.run(new Command.AnswerCall("1003", dialog));
        ami.context.await("1003", "State TALKING");
        assertThat(ami.run(new Command.GetQueueList("1003"))).hasSize(1); // a list reply with events interleaved
        ami.control("ami drop");                                         // and a resync with them
        ami.context.awaitLink(LinkStatus.OUT_OF_SERVICE);
        reconnect();
        ami.context.awaitLink(LinkStatus.IN_SERVICE);
        assertThat(ami.adapter.model().stateOf("1003")).isEqualTo(org.genericconnector.protocol.AgentState.TALKING);
        assertThat(ami.adapter.model().dialogStatus("1003").dialog().dialogId()).isEqualTo(dialog);
    }

    @Test
    void slowAnswersFailTheCommandWithPleaseRetryAndTheLinkStays() throws Exception {
        ami.login("1003", "5003", false);
        ami.control("ami delay for=30s");
        java.util.concurrent.Future<ErrorCode> pending = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()
                .submit(() -> ami.fails(new Command.MakeReady("1003", "1003")));
        ami.context.awaitCondition(() -> ami.clock.pending().contains("action-timeout"), "the QueuePause waiting");
        ami.clock.advance(Duration.ofSeconds(5));                          // action-timeout
        assertThat(pending.get()).isEqualTo(ErrorCode.PLEASE_RETRY);
        ami.control("ami delay for=0s");
        assertThat(ami.adapter.linkStatus()).isEqualTo(LinkStatus.IN_SERVICE);
    }
}
