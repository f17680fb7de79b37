package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.simulator.finesse.FinesseFaceExtension;
import org.genericconnector.simulator.finesse.FinesseFaceSettings;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failover between the face's primary and secondary node (finesse.md §7): the documented availability test,
 * resync on the new node, every agent re-logged in to XMPP and its call still there. Ordered: the faults
 * build on each other, as they would in one long outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinesseFailoverFaceTest {
    @RegisterExtension
    static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(FinesseFaceSettings.defaults().withSecondary(true));

    private static void assertRetry(FaceFixture fx, Command command) {
        assertThatThrownBy(() -> fx.run(command)).isInstanceOfSatisfying(AcdException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PLEASE_RETRY);
            assertThat(e.kind()).isEqualTo(AcdException.Kind.RETRIABLE);
        });
    }

    @Test
    @Order(1)
    void failsOverToTheSecondaryDuringACallAndResyncs() throws Exception {
        FaceFixture.awaitFaceReady(FINESSE.face());
        try (FaceFixture fx = new FaceFixture(FINESSE.face(), Map.of())) {
            fx.run(new Command.Connect("1002", "gc.client", "sample-1002", false));
            fx.run(new Command.Login("1002", "sample-1002", "5002"));
            fx.run(new Command.MakeReady("1002", "1002"));
            String dialog = FaceFixture.dialogId(fx.control("inbound to-agent=1002 from=+4930555"));
            fx.await(Event.NewInboundCall.class, e -> e.dialogId().equals(dialog));
            fx.run(new Command.AnswerCall("1002", dialog));

            // the primary's notification service and CTI link go down together
            int mark = fx.context.links.size();
            fx.control("finesse out-of-service node=primary reason=CTI");
            fx.control("finesse xmpp-stop node=primary");
            fx.context.awaitOutageAndRecovery(mark); // on the secondary now
            assertThat(fx.context.links).containsSubsequence(LinkStatus.IN_SERVICE, LinkStatus.OUT_OF_SERVICE, LinkStatus.IN_SERVICE);
            assertThat(fx.adapter.snapshot("1002")).satisfiesExactly(
                    state -> assertThat(((Event.State) state).state()).isEqualTo(AgentState.TALKING),
                    status -> assertThat(((Event.DialogStatus) status).dialog().dialogId()).isEqualTo(dialog));

            // the call goes on through the secondary, notifications included
            var release = fx.run(new Command.ReleaseCall("1002", dialog));
            assertThat(release.replies(Event.InboundCall.class)).extracting(Event.InboundCall::state).contains(CallState.DROPPED);
        } finally {
            FINESSE.control("finesse xmpp-start node=primary");
            FINESSE.control("finesse in-service node=primary");
        }
    }


    @Test
    @Order(2)
    void systemInfoOutOfServiceOnBothNodesWaitsAndComesBack() throws Exception {
        FaceFixture.awaitFaceReady(FINESSE.face());
        try (FaceFixture fx = new FaceFixture(FINESSE.face(), Map.of())) {
            fx.run(new Command.Connect("1003", "gc.client", "sample-1003", false));
            fx.run(new Command.Login("1003", "sample-1003", "5003"));
            fx.control("finesse out-of-service node=primary reason=CTI");
            fx.control("finesse out-of-service node=secondary reason=CTI");
            fx.context.awaitLink(LinkStatus.OUT_OF_SERVICE);
            assertRetry(fx, new Command.MakeReady("1003", "1003"));
            fx.control("finesse in-service node=primary");
            fx.control("finesse in-service node=secondary");
            fx.context.awaitLink(LinkStatus.IN_SERVICE);
            var ready = fx.run(new Command.MakeReady("1003", "1003"));
            assertThat(ready.replies(Event.State.class)).extracting(Event.State::state).containsExactly(AgentState.READY);
        }
    }

    @Test
    @Order(3)
    void serviceUnavailableIsPleaseRetryAndTheNextCallWorks() throws Exception {
        FaceFixture.awaitFaceReady(FINESSE.face());
        try (FaceFixture fx = new FaceFixture(FINESSE.face(), Map.of())) {
            fx.run(new Command.Connect("1004", "gc.client", "sample-1004", false));
            fx.control("finesse fail-next node=primary count=1");
            assertRetry(fx, new Command.Login("1004", "sample-1004", "5004"));
            var login = fx.run(new Command.Login("1004", "sample-1004", "5004"));
            assertThat(login.replies).extracting(Event::type).contains("State");
        }
    }

    @Test
    @Order(4)
    void slowResponsesTimeOutAsPleaseRetry() throws Exception {
        FaceFixture.awaitFaceReady(FINESSE.face());
        try (FaceFixture fx = new FaceFixture(FINESSE.face(), Map.of("http.read-timeout", "1s"))) {
            fx.run(new Command.Connect("1005", "gc.client", "sample-1005", false));
            fx.control("finesse delay node=primary by=3s");
            try {
                assertRetry(fx, new Command.GetState("1005"));
            } finally {
                fx.control("finesse delay node=primary by=0s");
            }
            assertThat(fx.run(new Command.GetState("1005")).replies).hasSize(1);
        }
    }

    @Test
    @Order(5)
    void droppedXmppIsReconnectedAndNotificationsFlowAgain() throws Exception {
        FaceFixture.awaitFaceReady(FINESSE.face());
        try (FaceFixture fx = new FaceFixture(FINESSE.face(), Map.of())) {
            fx.run(new Command.Connect("1006", "gc.client", "sample-1006", false));
            fx.run(new Command.Login("1006", "sample-1006", "5006"));
            int mark = fx.context.links.size();
            fx.control("finesse xmpp-restart node=primary");
            fx.context.awaitOutageAndRecovery(mark); // on whichever node answers first
            var ready = fx.run(new Command.MakeReady("1006", "1006"));
            assertThat(ready.replies(Event.State.class)).extracting(Event.State::state).containsExactly(AgentState.READY);
            String dialog = FaceFixture.dialogId(fx.control("inbound to-agent=1006 from=+4930999"));
            fx.await(Event.NewInboundCall.class, e -> e.dialogId().equals(dialog));
        }
    }
}
