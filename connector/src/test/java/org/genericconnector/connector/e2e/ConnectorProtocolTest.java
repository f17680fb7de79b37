package org.genericconnector.connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.genericconnector.connector.testing.ClientKind;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.connector.testing.Received;
import org.genericconnector.connector.testing.TestAcdAdapter;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventEncoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The connector over TCP with a real ACD adapter behind the SPI (the in-test one), through each client
 * protocol: the guide's Hello, Beat, Connect and Login sections, session rules, errors, link outage,
 * destination expiry.
 */
class ConnectorProtocolTest {
    private static final AtomicInteger IDS = new AtomicInteger(100);
    private static DaemonFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DaemonFixture("test-acd", Map.of());
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String agent() {
        return String.valueOf(IDS.incrementAndGet());
    }

    private static String topic(ClientKind kind) {
        return "client." + kind.name().toLowerCase() + "." + IDS.incrementAndGet();
    }

    private static String system(LinkStatus s) {
        return EventEncoder.encode(new Event.SystemStatus(s));
    }

    private static String error(String agent, ErrorCode code) {
        return EventEncoder.encode(new Event.ErrorEvent(agent, code));
    }

    /** Hello, Connect, Login: the handshake and login of the guide. */
    private static void login(GcClient c, String agent) {
        c.send("Hello#" + c.topic(), c.topic());
        c.awaitBody(system(LinkStatus.IN_SERVICE));
        c.send("Connect#" + agent, c.topic() + ",secret");
        c.send("Login#" + agent, "secret,2" + agent);
        c.awaitPrefix(agent + "#AgentInfo#");
        c.awaitPrefix(agent + "#State#NOT_READY");
        c.awaitPrefix(agent + "#DialogStatus#");
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void helloIsAnsweredInServiceWithTheCorrelationIdAndSelectorProperties(ClientKind kind) {
        try (GcClient c = fixture.client(kind, topic(kind))) {
            c.send("Hello#" + c.topic(), c.topic(), "corr-hello");
            Received r = c.awaitBody(system(LinkStatus.IN_SERVICE));
            assertThat(r.correlationId()).isEqualTo("corr-hello");
            assertThat(r.properties()).containsEntry("gcEvent", "System").containsEntry("gcCategory", "System")
                    .containsEntry("gcAgent", "");
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void beatFromAnUnknownDestinationIsAnsweredDestinationReconnect(ClientKind kind) {
        try (GcClient c = fixture.client(kind, topic(kind))) {
            c.send("Beat#" + c.topic(), c.topic());
            c.awaitBody("DESTINATION#" + c.topic() + "#RECONNECT");
            c.send("Hello#" + c.topic(), c.topic());
            c.awaitBody(system(LinkStatus.IN_SERVICE));
            c.send("Beat#" + c.topic(), c.topic());
            c.awaitBody(system(LinkStatus.IN_SERVICE));
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void loginSendsAgentInfoStateAndDialogStatusAndTheStateMachineAnswers(ClientKind kind) {
        String agent = agent();
        try (GcClient c = fixture.client(kind, topic(kind))) {
            login(c, agent);
            c.send("MakeReady#" + agent, agent, "corr-ready");
            Received ready = c.awaitPrefix(agent + "#State#READY");
            assertThat(ready.correlationId()).isEqualTo("corr-ready");
            assertThat(ready.properties()).containsEntry("gcAgent", agent).containsEntry("gcEvent", "State")
                    .containsEntry("gcCategory", "agent_state");
            c.send("MakeReady#" + agent, agent);
            c.awaitBody(error(agent, ErrorCode.CF_INVALID_OBJECT_STATE));
            c.send("MakeNotReady#" + agent, agent);
            c.awaitPrefix(agent + "#State#NOT_READY");
            c.send("Login#" + agent, "secret,999");
            c.awaitBody(error(agent, ErrorCode.WRONG_EXTENSION));
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void aCommandForAnAgentWithNoSessionIsAnsweredReLogin(ClientKind kind) {
        String agent = agent();
        try (GcClient c = fixture.client(kind, topic(kind))) {
            c.send("MakeReady#" + agent, agent);
            c.awaitBody(EventEncoder.encode(new Event.ReLogin(agent)));
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void badCredentialsGiveSubscriptionFailedAndLeaveNoSession(ClientKind kind) {
        String agent = agent();
        try (GcClient c = fixture.client(kind, topic(kind))) {
            c.send("Connect#" + agent, c.topic() + ",wrong");
            c.awaitBody(error(agent, ErrorCode.SUBSCRIPTION_FAILED));
            c.send("GetState#" + agent, "");
            c.awaitBody(EventEncoder.encode(new Event.ReLogin(agent)));
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void aConnectFromANewDestinationInvalidatesTheOldSession(ClientKind kind) {
        String agent = agent();
        try (GcClient first = fixture.client(kind, topic(kind)); GcClient second = fixture.client(kind, topic(kind))) {
            login(first, agent);
            second.send("Connect#" + agent, second.topic() + ",secret");
            first.awaitBody(error(agent, ErrorCode.SESSION_INVALIDATED));
            first.awaitPrefix(agent + "#State#LOGOUT");
            second.send("GetState#" + agent, "");
            second.awaitPrefix(agent + "#State#NOT_READY");
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void malformedMessagesGetAnErrorAndTheNextCommandIsStillServed(ClientKind kind) {
        String agent = agent();
        try (GcClient c = fixture.client(kind, topic(kind))) {
            c.send("NoHashHere", "x");
            c.await(r -> r.body().contains("#Error#MALFORMED_MESSAGE"), "MALFORMED_MESSAGE");
            c.send("Frobnicate#" + agent, "x");
            c.await(r -> r.body().startsWith(agent + "#Error#UNKNOWN_COMMAND"), "UNKNOWN_COMMAND");
            c.sendBytes("Hello#" + c.topic(), new byte[] {(byte) 0xC3, (byte) 0x28}, null);
            c.await(r -> r.body().contains("#Error#MALFORMED_MESSAGE"), "MALFORMED_MESSAGE for bad UTF-8");
            c.send("Login#" + agent, "");
            c.await(r -> r.body().startsWith(agent + "#Error#"), "an error for Login without arguments");
            c.send("Hello#" + c.topic(), "x".repeat(70_000));
            c.await(r -> r.body().contains("#Error#MALFORMED_MESSAGE"), "MALFORMED_MESSAGE for an oversized body");
            c.sendBytes("Hello#" + c.topic(), c.topic().getBytes(StandardCharsets.UTF_8), "bytes");
            assertThat(c.awaitBody(system(LinkStatus.IN_SERVICE)).correlationId()).isEqualTo("bytes");
        }
    }

    /** GENERAL_ERROR is the guide's Login code; an unexplained failure of any command is CF_GENERIC_UNSPECIFIED. */
    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void anAdapterDefectIsAnsweredCfGenericUnspecifiedAndTheAgentIsStillServed(ClientKind kind) {
        String agent = agent();
        TestAcdAdapter acd = TestAcdAdapter.current;
        try (GcClient c = fixture.client(kind, topic(kind))) {
            login(c, agent);
            acd.breakOn(agent);
            c.send("MakeReady#" + agent, agent, "corr-defect");
            Received answer = c.awaitBody(error(agent, ErrorCode.CF_GENERIC_UNSPECIFIED));
            assertThat(answer.correlationId()).isEqualTo("corr-defect");
            acd.heal(agent);
            c.send("MakeReady#" + agent, agent);
            c.awaitPrefix(agent + "#State#READY");
        } finally {
            acd.heal(agent);
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void withoutJmsReplyToEventsGoToTheDestinationNamedInTheCommand(ClientKind kind) {
        String agent = agent();
        try (GcClient c = fixture.client(kind, topic(kind))) {
            c.sendNoReplyTo("Hello#" + c.topic(), c.topic());
            c.awaitBody(system(LinkStatus.IN_SERVICE));
            c.sendNoReplyTo("Connect#" + agent, c.topic() + ",secret");
            c.sendNoReplyTo("Login#" + agent, "secret,2" + agent);
            c.awaitPrefix(agent + "#AgentInfo#");
            c.sendNoReplyTo("MakeReady#" + agent, agent);
            c.awaitPrefix(agent + "#State#READY");
            c.sendNoReplyTo("Beat#" + c.topic(), c.topic());
            c.awaitBody(system(LinkStatus.IN_SERVICE));
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void passwordsNeverReachTheLog(ClientKind kind) {
        String agent = agent();
        String password = "secret-pw-" + agent;
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        try (GcClient c = fixture.client(kind, topic(kind))) {
            c.send("Connect#" + agent, c.topic() + "," + password);
            c.send("Login#" + agent, password + ",2" + agent);
            c.send("MOBILEAGENTLOGIN#" + agent, password + ",2" + agent + ",0301234,true");
            c.send("Login#" + agent, password);
            c.awaitPrefix(agent + "#AgentInfo#");
            c.await(r -> r.body().startsWith(agent + "#Error#"), "the error for Login without an extension");
            c.await(r -> r.body().startsWith(agent + "#Error#"), "the error for the unsupported MOBILEAGENTLOGIN");
        } finally {
            root.detachAppender(logged);
        }
        assertThat(logged.list).isNotEmpty();
        assertThat(logged.list).allSatisfy(e -> assertThat(e.getFormattedMessage()).doesNotContain(password));
        assertThat(logged.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("agent=" + agent).contains("command=Login"));
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void theScenarioControlTopicAnswersWithTheCorrelationIdAndDrivesTheAcd(ClientKind kind) {
        String agent = agent();
        try (GcClient c = fixture.client(kind, topic(kind))) {
            login(c, agent);
            c.sendLine(DaemonFixture.CONTROL, "STATE " + agent + " READY", "ctl-1");
            assertThat(c.awaitBody("OK " + agent + " READY").correlationId()).isEqualTo("ctl-1");
            c.awaitPrefix(agent + "#State#READY");
            c.sendLine(DaemonFixture.CONTROL, "NONSENSE", "ctl-2");
            c.awaitPrefix("ERROR unknown request");
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void twoHundredAgentsOverOneDestinationEachGetTheirOwnEvents(ClientKind kind) {
        try (GcClient c = fixture.client(kind, topic(kind))) {
            c.send("Hello#" + c.topic(), c.topic());
            c.awaitBody(system(LinkStatus.IN_SERVICE));
            String[] agents = new String[200];
            for (int i = 0; i < agents.length; i++) {
                agents[i] = agent();
                c.send("Connect#" + agents[i], c.topic() + ",secret");
                c.send("Login#" + agents[i], "secret,2" + agents[i], "login-" + agents[i]);
            }
            for (String a : agents) {
                Received info = c.awaitPrefix(a + "#AgentInfo#");
                assertThat(info.properties()).containsEntry("gcAgent", a);
                assertThat(info.correlationId()).isEqualTo("login-" + a);
                c.awaitPrefix(a + "#State#NOT_READY");
                c.awaitPrefix(a + "#DialogStatus#");
            }
            for (String a : agents) {
                c.send("MakeReady#" + a, a);
            }
            for (String a : agents) {
                assertThat(c.awaitPrefix(a + "#State#READY").properties()).containsEntry("gcAgent", a);
            }
            assertThat(c.inbox().bodies()).isEmpty();
        }
    }

    /**
     * Replies are sent by the agent's mailbox thread once the adapter returns, unsolicited events by a sender
     * thread; both go through one FIFO queue per destination, so each agent sees its events in the order the
     * adapter gave them, with forty agents on two destinations at once.
     */
    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void eachAgentGetsRepliesAndUnsolicitedEventsInTheOrderTheAdapterGaveThem(ClientKind kind) {
        TestAcdAdapter acd = TestAcdAdapter.current;
        try (GcClient a = fixture.client(kind, topic(kind)); GcClient b = fixture.client(kind, topic(kind))) {
            List<String> agents = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String agent = agent();
                login(i % 2 == 0 ? a : b, agent);
                acd.interleave(agent);
                agents.add(agent);
            }
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < agents.size(); i++) {
                    (i % 2 == 0 ? a : b).send("GetState#" + agents.get(i), agents.get(i));
                }
            }
            for (int i = 0; i < agents.size(); i++) {
                String agent = agents.get(i);
                GcClient c = i % 2 == 0 ? a : b;
                List<String> reasons = new ArrayList<>();
                for (int n = 0; n < 3 * TestAcdAdapter.INTERLEAVED; n++) {
                    String body = c.awaitPrefix(agent + "#State#").body();
                    reasons.add(body.split("#")[3]);
                }
                List<String> expected = new ArrayList<>();
                for (int n = 0; n < 3 * TestAcdAdapter.INTERLEAVED; n++) {
                    expected.add(String.valueOf(n % TestAcdAdapter.INTERLEAVED));
                }
                assertThat(reasons).as("agent " + agent).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void anAcdOutageIsToldToEveryDestinationAndStateIsRepublishedOnReturn(ClientKind kind) {
        String agent = agent();
        TestAcdAdapter acd = TestAcdAdapter.current;
        try (GcClient c = fixture.client(kind, topic(kind)); GcClient idle = fixture.client(kind, topic(kind))) {
            login(c, agent);
            idle.send("Hello#" + idle.topic(), idle.topic());
            idle.awaitBody(system(LinkStatus.IN_SERVICE));
            acd.setLink(LinkStatus.OUT_OF_SERVICE);
            c.awaitBody(system(LinkStatus.OUT_OF_SERVICE));
            idle.awaitBody(system(LinkStatus.OUT_OF_SERVICE));
            c.send("MakeReady#" + agent, agent);
            c.awaitBody(system(LinkStatus.OUT_OF_SERVICE));
            c.send("Beat#" + c.topic(), c.topic());
            c.awaitBody(system(LinkStatus.OUT_OF_SERVICE));
            acd.setLink(LinkStatus.IN_SERVICE);
            c.awaitBody(system(LinkStatus.IN_SERVICE));
            idle.awaitBody(system(LinkStatus.IN_SERVICE));
            c.awaitPrefix(agent + "#State#NOT_READY");
            c.awaitPrefix(agent + "#DialogStatus#");
            c.send("MakeReady#" + agent, agent);
            c.awaitPrefix(agent + "#State#READY");
        } finally {
            acd.setLink(LinkStatus.IN_SERVICE);
        }
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void aDestinationThatStopsBeatingIsExpiredAndItsAgentsReleased(ClientKind kind) {
        String agent = agent();
        try (GcClient c = fixture.client(kind, topic(kind))) {
            login(c, agent);
            fixture.advance(Duration.ofSeconds(91));
            fixture.daemon.checkExpiry();
            assertThat(TestAcdAdapter.current.released).contains(agent);
            c.send("Beat#" + c.topic(), c.topic());
            c.awaitBody("DESTINATION#" + c.topic() + "#RECONNECT");
            c.send("GetState#" + agent, "");
            c.awaitBody(EventEncoder.encode(new Event.ReLogin(agent)));
        }
    }
}
