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

/** An ACD outage behind the sandbox: every client is told at once, and state is re-published on return. */
class SandboxOutageTest {
    private static DaemonFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DaemonFixture("faulty-sandbox", Map.of("acd.faulty-sandbox.population", "sandbox.yaml"));
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
}
