package org.genericconnector.e2e;


import java.util.List;
import java.util.Map;

import org.genericconnector.connector.testing.ClientKind;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector daemon on the simulator's AMI face with {@code hold-strategy: redirect} (HoldCall a dual Redirect,
 * RetrieveCall a Bridge), driven by a real OpenWire client for the agent and a STOMP client for the consulted agent:
 * hold and retrieve, a consult turned into a three-way call (Conferencecall), the agent leaving it, and the
 * REQUIRED_WITH_WRAP_UP_DATA wrap-up that only a wrap-up reason lets the agent leave. Every wait is for a message.
 */
class AsteriskRedirectHoldEndToEndTest {
    /** The agent (REQUIRED_WITH_WRAP_UP_DATA, no wrap-up timer) and the consulted agent, of the face's population. */
    private static final String AGENT = "1009";
    private static final String CONSULTED = "1007";

    private static AsteriskFaceRig rig;
    private static DaemonFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        rig = AsteriskFaceRig.start(List.of(new AsteriskFaceRig.FileAgent(AGENT, "REQUIRED_WITH_WRAP_UP_DATA", "0s"),
                new AsteriskFaceRig.FileAgent(CONSULTED, "OPTIONAL", "30s")), Map.of("answer-strategy", "notify", "hold-strategy", "redirect", "redirect.context", "gc-hold"));
        fixture = rig.fixture;
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private static String extension(String agent) {
        return AsteriskFaceRig.extension(agent);
    }

    private static void control(String line) {
        rig.control(line);
    }

    private static Event.InboundCall call(GcClient c, String dialog, CallState state) {
        return Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == state, dialog + " " + state);
    }

    @Test
    void holdRetrieveConferenceAndAWrapUpThatWaitsForItsReason() {
        try (GcClient a = fixture.client(ClientKind.OPENWIRE, "asterisk.redirect.agent");
             GcClient b = fixture.client(ClientKind.STOMP, "asterisk.redirect.consulted")) {
            Await.login(a, AGENT, "pw-" + AGENT, extension(AGENT));
            Await.login(b, CONSULTED, "pw-" + CONSULTED, extension(CONSULTED));      // stays NOT_READY: no queue call
            a.send("MakeReady#" + AGENT, AGENT);
            Await.state(a, AGENT, AgentState.READY);

            control("inbound queue=sales from=5550099");
            String dialog = Await.event(a, Event.NewInboundCall.class,
                    e -> e.agentId().equals(AGENT) && e.fromAddress().equals("5550099"), "NewInboundCall").dialogId();
            a.send("AnswerCall#" + AGENT, dialog);
            call(a, dialog, CallState.ACTIVE);
            Await.state(a, AGENT, AgentState.TALKING);

            // hold by redirect: the caller to music on hold, the agent's leg waiting; the same dialog when retrieved
            a.send("HoldCall#" + AGENT, dialog);
            call(a, dialog, CallState.HELD);
            Await.state(a, AGENT, AgentState.HOLD);
            a.send("RetrieveCall#" + AGENT, dialog);
            call(a, dialog, CallState.ACTIVE);
            Await.state(a, AGENT, AgentState.TALKING);

            // a consult, answered, turned into a three-way call
            a.send("ConsultCall#" + AGENT, extension(CONSULTED) + "," + dialog);
            call(a, dialog, CallState.HELD);
            String offered = Await.event(b, Event.NewInboundCall.class, e -> e.agentId().equals(CONSULTED), "the consult at "
                    + CONSULTED).dialogId();
            b.send("AnswerCall#" + CONSULTED, offered);
            Await.state(b, CONSULTED, AgentState.TALKING);
            Await.event(a, Event.ConsultCall.class, e -> e.associatedDialogId().equals(dialog + ".c") && e.state() == CallState.ACTIVE,
                    "ConsultCall ACTIVE");
            a.send("Conferencecall#" + AGENT, extension(CONSULTED) + "," + dialog);
            call(a, dialog, CallState.ACTIVE);
            Await.event(a, Event.ConsultCall.class, e -> e.associatedDialogId().equals(dialog + ".c") && e.state() == CallState.DROPPED,
                    "ConsultCall DROP");

            // the agent leaves the conference; the caller and the consulted agent talk on
            a.send("ReleaseCall#" + AGENT, dialog);
            call(a, dialog, CallState.DROPPED);
            Await.state(a, AGENT, AgentState.WORK_READY);
            b.send("GetState#" + CONSULTED, "");
            Await.state(b, CONSULTED, AgentState.TALKING);

            // REQUIRED_WITH_WRAP_UP_DATA: wrap-up lasts until a wrap-up reason is given for the call
            a.send("MakeReady#" + AGENT, AGENT);
            Await.error(a, AGENT, ErrorCode.CF_INVALID_OBJECT_STATE);
            a.send("wrapup#" + AGENT, "21," + dialog);
            a.send("MakeReady#" + AGENT, AGENT);
            Await.state(a, AGENT, AgentState.READY);

            b.send("ReleaseCall#" + CONSULTED, offered);
            Await.event(b, Event.InboundCall.class, e -> e.agentId().equals(CONSULTED) && e.state() == CallState.DROPPED, "DROPPED at "
                    + CONSULTED);
            a.send("MakeNotReady#" + AGENT, AGENT);
            Await.state(a, AGENT, AgentState.NOT_READY);
            a.send("Logout#" + AGENT, AGENT);
            Await.state(a, AGENT, AgentState.LOGOUT);
        }
    }
}
