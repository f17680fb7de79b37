package org.genericconnector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.genericconnector.connector.testing.ClientKind;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The connector daemon with {@code acd.type: asterisk} on the simulator's AMI face (loopback TCP, free port,
 * simulated time so that nothing rings out by itself), driven by real OpenWire, STOMP and CORE clients: the
 * handshake, Connect's password check against the agents file's PBKDF2 hashes, Login, presence, an inbound call
 * answered through the {@code notify} strategy and released, an unsupported command, RE_LOGIN, and an AMI link
 * lost and resynchronised. The adapter runs on its own real scheduler (reconnect back-off of about a second).
 */
class AsteriskEndToEndTest {
    /** Agents of the face's population (conf/sandbox.yaml), one per scenario so that no two share state. */
    private static final List<String> AGENTS = List.of("1002", "1005", "1006", "1008", "1010", "1011");

    private static AsteriskFaceRig rig;
    private static DaemonFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        rig = AsteriskFaceRig.start(AGENTS.stream().map(id -> new AsteriskFaceRig.FileAgent(id, "OPTIONAL", "60s")).toList(),
                Map.of("answer-strategy", "notify", "hold-strategy", "notify"));
        fixture = rig.fixture;
    }

    @AfterAll
    static void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    private static String password(String agent) {
        return AsteriskFaceRig.password(agent);
    }

    private static String extension(String agent) {
        return AsteriskFaceRig.extension(agent);
    }

    private static GcClient client(ClientKind kind, String name) {
        return fixture.client(kind, "asterisk." + kind.name().toLowerCase() + "." + name);
    }

    private static String control(String line) {
        return rig.control(line);
    }

    static void hello(GcClient c) {
        Await.hello(c);
    }

    static void login(GcClient c, String agent) {
        Event.AgentInfo info = Await.login(c, agent, password(agent), extension(agent));
        assertThat(info.loginName()).isEqualTo("agent" + agent);
    }

    private static void state(GcClient c, String agent, AgentState state) {
        Await.state(c, agent, state);
    }

    private static String agentFor(ClientKind kind) {
        return switch (kind) {
            case OPENWIRE -> "1002";
            case STOMP -> "1006";
            case CORE -> "1008";
        };
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void handshakeLoginAndAnInboundCallFromOfferToRelease(ClientKind kind) {
        String agent = agentFor(kind);
        try (GcClient c = client(kind, "call")) {
            login(c, agent);
            c.send("MakeReady#" + agent, agent);
            state(c, agent, AgentState.READY);

            String caller = "555" + agent;
            control("inbound to-agent=" + agent + " from=" + caller);
            Event.NewInboundCall offer = Await.event(c, Event.NewInboundCall.class,
                    e -> e.agentId().equals(agent) && e.fromAddress().equals(caller), "NewInboundCall from " + caller);
            String dialog = offer.dialogId();
            state(c, agent, AgentState.RESERVED);

            c.send("AnswerCall#" + agent, dialog);    // answer-strategy notify: PJSIPNotify, the face's phone answers
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.ACTIVE, "ACTIVE");
            state(c, agent, AgentState.TALKING);

            c.send("ReleaseCall#" + agent, dialog);
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.DROPPED, "DROPPED");
            state(c, agent, AgentState.READY);       // OPTIONAL wrap-up not asked for: back to the presence

            c.send("MakeNotReady#" + agent, agent);
            state(c, agent, AgentState.NOT_READY);
            c.send("Logout#" + agent, agent);
            state(c, agent, AgentState.LOGOUT);
        }
    }

    @Test
    void connectPresenceUnsupportedCommandAndReLoginOverOpenWire() {
        String agent = "1010";
        try (GcClient c = client(ClientKind.OPENWIRE, "presence")) {
            hello(c);
            c.send("Connect#" + agent, c.topic() + ",wrong-password");
            Await.error(c, agent, ErrorCode.SUBSCRIPTION_FAILED);
            c.send("Connect#4711", c.topic() + ",pw-4711");            // not in the agents file
            Await.error(c, "4711", ErrorCode.SUBSCRIPTION_FAILED);

            c.send("Connect#" + agent, c.topic() + "," + password(agent));
            c.send("Login#" + agent, password(agent) + ",5999");        // not the agent's extension
            Await.error(c, agent, ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED);
            c.send("Login#" + agent, password(agent) + "," + extension(agent));
            Await.event(c, Event.AgentInfo.class, e -> e.agentId().equals(agent), "AgentInfo");
            state(c, agent, AgentState.NOT_READY);
            Await.event(c, Event.DialogStatus.class, e -> e.agentId().equals(agent), "DialogStatus");

            c.send("MakeReady#" + agent, agent);
            state(c, agent, AgentState.READY);
            c.send("MakeNotReadyWithReason#" + agent, "2");
            Event.State lunch = Await.event(c, Event.State.class,
                    e -> e.agentId().equals(agent) && e.state() == AgentState.NOT_READY && "2".equals(e.reasonCodeId()), "NOT_READY 2");
            assertThat(lunch.reasonCodeId()).isEqualTo("2");
            // a queue call (AgentCalled: CallType ACD_IN), answered, held and retrieved through the phone (notify)
            c.send("MakeReady#" + agent, agent);
            state(c, agent, AgentState.READY);
            control("inbound queue=sales from=5550077");
            Event.NewInboundCall offer = Await.event(c, Event.NewInboundCall.class,
                    e -> e.agentId().equals(agent) && e.fromAddress().equals("5550077"), "NewInboundCall from the queue");
            assertThat(offer.callType()).isEqualTo("ACD_IN");
            String dialog = offer.dialogId();
            state(c, agent, AgentState.RESERVED);
            c.send("AnswerCall#" + agent, dialog);
            state(c, agent, AgentState.TALKING);
            c.send("HoldCall#" + agent, dialog);
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.HELD, "HELD");
            state(c, agent, AgentState.HOLD);
            c.send("RetrieveCall#" + agent, dialog);
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.ACTIVE, "ACTIVE again");
            state(c, agent, AgentState.TALKING);
            c.send("GetDialogState#" + agent, dialog);
            Await.event(c, Event.DialogState.class, e -> e.agentId().equals(agent), "DialogState");
            c.send("MakeNotReadyWithReason#" + agent, "1");            // during the call: pending, NOT_READY afterwards
            c.send("ReleaseCall#" + agent, dialog);
            Await.event(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.DROPPED, "DROPPED");
            Await.event(c, Event.State.class, e -> e.agentId().equals(agent) && e.state() == AgentState.NOT_READY
                    && "1".equals(e.reasonCodeId()), "NOT_READY 1 after the call");
            c.send("GetDialogState#" + agent, dialog);
            Await.error(c, agent, ErrorCode.E_CTI_INVALID_CALL_ID);

            c.send("MakeNotReadyWithReason#" + agent, "99");
            Await.error(c, agent, ErrorCode.MISSING_REASON_CODE);
            c.send("GetState#" + agent, "");
            Await.event(c, Event.State.class, e -> e.agentId().equals(agent) && e.state() == AgentState.NOT_READY
                    && "1".equals(e.reasonCodeId()), "GetState's answer");

            // not available on Asterisk: the connector answers from the adapter's supported commands
            c.send("AcceptOutboundPreview#" + agent, "12345,ACCEPT");
            Await.error(c, agent, ErrorCode.UNSUPPORTED_COMMAND);
            c.send("MOBILEAGENTLOGIN#" + agent, password(agent) + "," + extension(agent) + ",5550001,true");
            Await.error(c, agent, ErrorCode.UNSUPPORTED_COMMAND);

            // an agent without a session
            c.send("MakeReady#1002", "1002");
            Await.event(c, Event.ReLogin.class, e -> e.agentId().equals("1002"), "1002#State#RE_LOGIN");

            c.send("Logout#" + agent, agent);
            state(c, agent, AgentState.LOGOUT);
        }
    }

    @Test
    void aConnectFromAnotherClientInvalidatesTheFirstAcrossProtocols() {
        String agent = "1005";
        try (GcClient first = client(ClientKind.OPENWIRE, "first"); GcClient second = client(ClientKind.STOMP, "second")) {
            login(first, agent);
            Await.sessionMovesToSecondClient(first, second, agent, password(agent));
        }
    }

    @Test
    void anAmiDisconnectIsToldToEveryClientAndStateIsRepublishedAfterTheResync() {
        String agent = "1011";
        try (GcClient ow = client(ClientKind.OPENWIRE, "outage.agent");
             GcClient stomp = client(ClientKind.STOMP, "outage.stomp");
             GcClient core = client(ClientKind.CORE, "outage.core")) {
            login(ow, agent);
            ow.send("MakeReady#" + agent, agent);
            state(ow, agent, AgentState.READY);
            hello(stomp);
            hello(core);
            GcClient[] all = {ow, stomp, core};

            // 1. the socket dropped (no Shutdown event) during a call: the adapter reconnects by itself after its
            //    back-off, resyncs members and channels, and the call goes on
            control("inbound to-agent=" + agent + " from=5550011");
            String dialog = Await.event(ow, Event.NewInboundCall.class,
                    e -> e.agentId().equals(agent) && e.fromAddress().equals("5550011"), "NewInboundCall").dialogId();
            ow.send("AnswerCall#" + agent, dialog);
            state(ow, agent, AgentState.TALKING);
            ow.inbox().clear();
            control("ami drop");
            for (GcClient c : all) {
                Await.system(c, LinkStatus.OUT_OF_SERVICE);
            }
            for (GcClient c : all) {
                Await.system(c, LinkStatus.IN_SERVICE);
            }
            Await.event(ow, Event.State.class, e -> e.agentId().equals(agent) && e.state() == AgentState.TALKING,
                    "the re-published State after the resync");
            Await.event(ow, Event.DialogStatus.class, e -> e.agentId().equals(agent) && e.dialog() != null
                    && e.dialog().dialogId().equals(dialog) && e.dialog().state() == CallState.ACTIVE,
                    "the re-published DialogStatus with the call found by the resync");
            ow.send("ReleaseCall#" + agent, dialog);
            Await.event(ow, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.DROPPED, "DROPPED");
            state(ow, agent, AgentState.READY);
            ow.send("MakeNotReady#" + agent, agent);
            state(ow, agent, AgentState.NOT_READY);

            // 2. Asterisk shut down (Shutdown event, EOF, connections refused) and started again
            ow.inbox().clear();
            control("ami shutdown");
            for (GcClient c : all) {
                Await.system(c, LinkStatus.OUT_OF_SERVICE);
            }
            core.send("Hello#" + core.topic(), core.topic());
            Await.system(core, LinkStatus.OUT_OF_SERVICE);
            // a call to the agent's phone while the connector is blind: the resync after the restart reports it
            control("inbound to-agent=" + agent + " from=5550022");
            control("ami start");
            for (GcClient c : all) {
                Await.system(c, LinkStatus.IN_SERVICE);
            }
            String missed = Await.event(ow, Event.NewInboundCall.class,
                    e -> e.agentId().equals(agent) && e.fromAddress().equals("5550022"), "the call found by the resync").dialogId();
            Await.event(ow, Event.DialogStatus.class, e -> e.agentId().equals(agent) && e.dialog() != null
                    && e.dialog().dialogId().equals(missed), "the re-published DialogStatus with the ringing call");
            ow.send("AnswerCall#" + agent, missed);
            Await.event(ow, Event.InboundCall.class, e -> e.dialogId().equals(missed) && e.state() == CallState.ACTIVE, "ACTIVE");
            state(ow, agent, AgentState.TALKING);
            ow.send("ReleaseCall#" + agent, missed);
            Await.event(ow, Event.InboundCall.class, e -> e.dialogId().equals(missed) && e.state() == CallState.DROPPED, "DROPPED");
            state(ow, agent, AgentState.NOT_READY);
            ow.send("MakeReady#" + agent, agent);
            state(ow, agent, AgentState.READY);
            ow.send("MakeNotReady#" + agent, agent);
            state(ow, agent, AgentState.NOT_READY);
            ow.send("Logout#" + agent, agent);
            state(ow, agent, AgentState.LOGOUT);
        }
    }
}
