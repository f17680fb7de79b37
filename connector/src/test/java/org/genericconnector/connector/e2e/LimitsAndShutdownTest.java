package org.genericconnector.connector.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.genericconnector.connector.testing.ClientKind;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.connector.testing.GcClient;
import org.genericconnector.connector.testing.TestAcdAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Bounded resources and the graceful stop, over TCP: a full mailbox gets PLEASE_RETRY while other agents
 * go on, the agent limit gives LICENSES_EXCEEDED, and a stop fails queued commands and tells clients
 * System#OUT_OF_SERVICE (commands still running after the grace period fail too). The tests share one daemon (three agents at most, two commands per mailbox)
 * and run in order; the last one stops it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LimitsAndShutdownTest {
    private static DaemonFixture fixture;
    private static GcClient client;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DaemonFixture("test-acd", Map.of("sessions.max-agents", "3", "dispatch.mailbox-capacity", "2"));
        client = fixture.client(ClientKind.OPENWIRE, "limits.client");
        client.send("Hello#" + client.topic(), client.topic());
        client.awaitBody("System#IN_SERVICE");
        for (String agent : new String[] {"slow", "fast"}) {
            client.send("Connect#" + agent, client.topic() + ",secret");
            client.send("Login#" + agent, "secret,2000");
            client.awaitPrefix(agent + "#DialogStatus#");
        }
        client.inbox().clear();
    }

    @AfterAll
    static void stop() {
        client.close();
        fixture.close();
    }

    @Test
    @Order(1)
    void aFullMailboxAnswersPleaseRetryWhileOtherAgentsAreServed() throws Exception {
        TestAcdAdapter acd = TestAcdAdapter.current;
        acd.hold("slow");
        client.send("GetState#slow", "", "slow-0");
        acd.awaitHeld("slow");
        for (int i = 1; i < 5; i++) {
            client.send("GetState#slow", "", "slow-" + i);
        }
        for (int i = 0; i < 3; i++) {
            client.awaitBody("slow#Error#PLEASE_RETRY");
        }
        client.send("MakeReady#fast", "fast");
        client.awaitPrefix("fast#State#READY");
        acd.release("slow");
        assertThat(client.awaitPrefix("slow#State#").correlationId()).isEqualTo("slow-0");
        assertThat(client.awaitPrefix("slow#State#").correlationId()).isEqualTo("slow-1");
    }

    @Test
    @Order(2)
    void connectingMoreAgentsThanLicensedAnswersLicensesExceeded() {
        client.send("Connect#third", client.topic() + ",secret");
        client.send("GetState#third", "", "third");
        assertThat(client.awaitPrefix("third#State#").correlationId()).isEqualTo("third");
        client.send("Connect#fourth", client.topic() + ",secret");
        client.awaitBody("fourth#Error#LICENSES_EXCEEDED");
        client.send("Connect#slow", client.topic() + ",secret");
        client.send("GetState#slow", "", "again");
        assertThat(client.awaitPrefix("slow#State#").correlationId()).as("a known agent connects again").isEqualTo("again");
    }

    @Test
    @Order(3)
    void stoppingFailsQueuedCommandsAndTellsClientsOutOfService() throws Exception {
        TestAcdAdapter.current.hold("fast");
        client.send("GetState#fast", "", "in-flight");
        TestAcdAdapter.current.awaitHeld("fast");
        client.send("GetState#fast", "", "queued");
        client.send("GetState#third", "", "marker");
        client.awaitPrefix("third#State#"); // commands are taken in order: "queued" is in the mailbox now
        Thread stopper = Thread.ofVirtual().start(fixture::close);
        assertThat(client.awaitBody("fast#Error#PLEASE_RETRY").correlationId()).isEqualTo("queued");
        assertThat(client.awaitBody("fast#Error#PLEASE_RETRY").correlationId()).as("outlived the grace period").isEqualTo("in-flight");
        client.awaitBody("System#OUT_OF_SERVICE");
        stopper.join();
    }
}
