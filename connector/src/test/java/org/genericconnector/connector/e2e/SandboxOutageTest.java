package org.genericconnector.connector.e2e;

import java.util.Map;

import org.genericconnector.connector.testing.ClientKind;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.connector.testing.Events;
import org.genericconnector.connector.testing.FaultySandboxFactory;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An ACD outage behind the sandbox: every client is told at once, and state is re-published on return.
 * Also the expiry of a silent destination with {@code sessions.logout-on-expiry: true}.
 */
class SandboxOutageTest {
    private static DaemonFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DaemonFixture("faulty-sandbox", Map.of("acd.faulty-sandbox.population", "sandbox.yaml",
                "sessions.logout-on-expiry", "true"));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void anOutageIsToldToEveryClientAndStateIsRepublishedOnReturn() {
        try (GcClient agentClient = fixture.client(ClientKind.OPENWIRE, "outage.agent");
             GcClient stomp = fixture.client(ClientKind.STOMP, "outage.stomp");
             GcClient core = fixture.client(ClientKind.CORE, "outage.core")) {
            SandboxEndToEndTest.login(agentClient, "2011");
            agentClient.send("MakeReady#2011", "2011");
            Events.await(agentClient, Event.State.class, e -> e.state() == AgentState.READY, "READY");
            for (GcClient c : new GcClient[] {stomp, core}) {
                c.send("Hello#" + c.topic(), c.topic());
                c.awaitBody("System#IN_SERVICE");
            }

            FaultySandboxFactory.current.cut();
            for (GcClient c : new GcClient[] {agentClient, stomp, core}) {
                c.awaitBody("System#OUT_OF_SERVICE");
            }
            agentClient.send("MakeNotReady#2011", "2011");
            agentClient.awaitBody("System#OUT_OF_SERVICE");
            core.send("Hello#" + core.topic(), core.topic());
            core.awaitBody("System#OUT_OF_SERVICE");

            FaultySandboxFactory.current.restore();
            for (GcClient c : new GcClient[] {agentClient, stomp, core}) {
                c.awaitBody("System#IN_SERVICE");
            }
            Events.await(agentClient, Event.State.class, e -> e.agentId().equals("2011") && e.state() == AgentState.READY,
                    "the re-published State");
            Events.await(agentClient, Event.DialogStatus.class, e -> e.agentId().equals("2011"), "the re-published DialogStatus");
            agentClient.send("MakeNotReady#2011", "2011");
            Events.await(agentClient, Event.State.class, e -> e.state() == AgentState.NOT_READY, "commands served again");
        }
    }

    @Test
    void anExpiredDestinationsAgentsAreLoggedOutWhenSoConfigured() {
        try (GcClient first = fixture.client(ClientKind.CORE, "expiry.first")) {
            SandboxEndToEndTest.login(first, "2010");
        }
        fixture.advance(java.time.Duration.ofSeconds(91));
        fixture.daemon.checkExpiry();
        try (GcClient later = fixture.client(ClientKind.STOMP, "expiry.later")) {
            later.send("Beat#expiry.first", "expiry.first");
            later.awaitBody("DESTINATION#expiry.first#RECONNECT");
            later.send("GetState#2010", "");
            later.awaitBody("2010#State#RE_LOGIN");
            later.send("Connect#2010", later.topic() + ",sample-2010");
            later.send("GetState#2010", "");
            Events.await(later, Event.State.class, e -> e.agentId().equals("2010") && e.state() == AgentState.LOGOUT,
                    "the agent was logged out on the ACD when its destination expired");
        }
    }
}
