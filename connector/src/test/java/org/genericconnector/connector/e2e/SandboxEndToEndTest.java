package org.genericconnector.connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.genericconnector.connector.testing.ClientKind;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.connector.testing.Events;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The daemon as `./gc run` starts it (embedded broker, sandbox ACD with conf/sandbox.yaml) driven over
 * TCP by real clients of each protocol: the guide's login, the agent state machine, the sandbox's error
 * paths, and an inbound call from offer to release through the scenario control topic.
 */
class SandboxEndToEndTest {
    private static DaemonFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DaemonFixture("sandbox", Map.of("acd.sandbox.population", "sandbox.yaml"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Agents with wrap-up OPTIONAL in conf/sandbox.yaml, two per protocol so that tests do not share one. */
    private static String agent(ClientKind kind, int n) {
        return switch (kind) {
            case CORE -> n == 0 ? "1002" : "1011";
            case OPENWIRE -> n == 0 ? "1006" : "2004";
            case STOMP -> n == 0 ? "1008" : "2006";
        };
    }

    private static GcClient client(ClientKind kind, String name) {
        return fixture.client(kind, "sandbox." + kind.name().toLowerCase() + "." + name);
    }

    /** conf/sandbox.yaml gives agent 1xxx extension 5xxx and agent 2xxx extension 6xxx. */
    private static String extension(String agent) {
        return (agent.startsWith("1") ? "5" : "6") + agent.substring(1);
    }

    static void login(GcClient c, String agent) {
        c.send("Hello#" + c.topic(), c.topic());
        c.awaitBody("System#IN_SERVICE");
        c.send("Connect#" + agent, c.topic() + ",sample-" + agent);
        c.send("Login#" + agent, "sample-" + agent + "," + extension(agent), "login");
        Event.AgentInfo info = Events.await(c, Event.AgentInfo.class, e -> e.agentId().equals(agent), "AgentInfo");
        assertThat(info.loginName()).isNotEmpty();
        Events.await(c, Event.State.class, e -> e.agentId().equals(agent) && e.state() == AgentState.NOT_READY, "State NOT_READY");
        Events.await(c, Event.DialogStatus.class, e -> e.agentId().equals(agent), "DialogStatus");
    }

    private static void expectError(GcClient c, String agent, String type, String body, ErrorCode code) {
        c.send(type + "#" + agent, body);
        c.awaitBody(agent + "#Error#" + code);
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void anAgentLogsInAndMovesThroughTheStateMachine(ClientKind kind) {
        String agent = agent(kind, 1);
        try (GcClient c = client(kind, "states")) {
            login(c, agent);
            c.send("MakeReady#" + agent, agent, "r1");
            assertThat(Events.await(c, Event.State.class, e -> e.state() == AgentState.READY, "READY").agentId()).isEqualTo(agent);
            c.send("MakeNotReadyWithReason#" + agent, "1");
            Events.await(c, Event.State.class, e -> e.state() == AgentState.NOT_READY && e.reasonCodeId().equals("1"), "NOT_READY reason 1");
            c.send("GetState#" + agent, "");
            Events.await(c, Event.State.class, e -> e.state() == AgentState.NOT_READY, "GetState answer");
            c.send("Logout#" + agent, agent);
            Events.await(c, Event.State.class, e -> e.state() == AgentState.LOGOUT, "LOGOUT");
            expectError(c, agent, "Logout", agent, ErrorCode.CF_INVALID_OBJECT_STATE);
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void anInboundCallIsOfferedAnsweredAndReleased(ClientKind kind) {
        String agent = agent(kind, 0);
        try (GcClient c = client(kind, "call")) {
            login(c, agent);
            c.send("MakeReady#" + agent, agent);
            Events.await(c, Event.State.class, e -> e.state() == AgentState.READY, "READY");
            c.sendLine(DaemonFixture.CONTROL, "inbound to-agent=" + agent + " from=+4930111222", "offer-1");
            String reply = c.await(r -> r.body().startsWith("OK dialog="), "scenario reply").body();
            String dialog = reply.substring("OK dialog=".length()).strip();
            Event.NewInboundCall offer = Events.await(c, Event.NewInboundCall.class, e -> e.dialogId().equals(dialog), "NewInboundCall");
            assertThat(offer.fromAddress()).isEqualTo("+4930111222");
            Events.await(c, Event.State.class, e -> e.state() == AgentState.RESERVED, "RESERVED");
            c.send("AnswerCall#" + agent, dialog);
            Events.await(c, Event.State.class, e -> e.state() == AgentState.TALKING, "TALKING");
            Events.await(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.ACTIVE, "ACTIVE");
            c.send("ReleaseCall#" + agent, dialog);
            Events.await(c, Event.InboundCall.class, e -> e.dialogId().equals(dialog) && e.state() == CallState.DROPPED, "DROPPED");
            c.send("GetDialogState#" + agent, dialog);
            c.await(r -> r.body().startsWith(agent + "#"), "an answer to GetDialogState");
        }
    }

    @Test
    void everyErrorPathOfTheSandboxReachesTheClient() {
        try (GcClient c = client(ClientKind.CORE, "errors")) {
            c.send("Hello#" + c.topic(), c.topic());
            c.awaitBody("System#IN_SERVICE");
            expectError(c, "1003", "Connect", c.topic() + ",wrong-password", ErrorCode.SUBSCRIPTION_FAILED);
            expectError(c, "9999", "Connect", c.topic() + ",x", ErrorCode.SUBSCRIPTION_FAILED);
            c.send("Connect#1003", c.topic() + ",sample-1003");
            expectError(c, "1003", "Login", "sample-1003,5002", ErrorCode.CF_INVALID_LOGON_DEVICE_SPECIFIED);
            expectError(c, "1003", "Login", "sample-1003,abc", ErrorCode.WRONG_EXTENSION);
            expectError(c, "1003", "MakeReady", "1003", ErrorCode.CF_INVALID_OBJECT_STATE);
            c.send("Login#1003", "sample-1003,5003");
            Events.await(c, Event.State.class, e -> e.agentId().equals("1003") && e.state() == AgentState.NOT_READY, "login");
            expectError(c, "1003", "MakeNotReadyWithReason", "99", ErrorCode.MISSING_REASON_CODE);
            expectError(c, "1003", "GetDialogState", "42", ErrorCode.E_CTI_INVALID_CALL_ID);
            expectError(c, "1003", "AnswerCall", "42", ErrorCode.CF_GENERIC_UNSPECIFIED);
            expectError(c, "1003", "MakeCall", "nowhere", ErrorCode.CF_GENERIC_UNSPECIFIED);
            expectError(c, "1003", "GetTeamUsers", "10", ErrorCode.CF_GENERIC_UNSPECIFIED);
            expectError(c, "1003", "MakeWorkReady", "1003", ErrorCode.CF_INVALID_OBJECT_STATE);
            c.send("MakeReady#4711", "4711");
            c.awaitBody("4711#State#RE_LOGIN");
            c.send("Logout#1003", "1003");
            Events.await(c, Event.State.class, e -> e.agentId().equals("1003") && e.state() == AgentState.LOGOUT, "logout");
        }
    }

    @Test
    void aConnectFromAnotherClientInvalidatesTheFirstAcrossProtocols() {
        try (GcClient first = client(ClientKind.OPENWIRE, "first"); GcClient second = client(ClientKind.STOMP, "second")) {
            login(first, "2009");
            second.send("Connect#2009", second.topic() + ",sample-2009");
            first.awaitBody("2009#Error#SESSION_INVALIDATED");
            Events.await(first, Event.State.class, e -> e.state() == AgentState.LOGOUT, "LOGOUT to the old destination");
            second.send("GetState#2009", "");
            Events.await(second, Event.State.class, e -> e.agentId().equals("2009") && e.state() == AgentState.NOT_READY,
                    "the agent, still logged in, now reports to the new client");
        }
    }
}
