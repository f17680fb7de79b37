package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults on demand through the scenario control: drop, Shutdown, stall, delay, unknown events and fields, interleaving. */
class AmiFaultsTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension();

    @Test
    void dropClosesEveryConnectionAndTheFaceStillAccepts() throws Exception {
        AmiTestClient a = ami.loggedIn();
        AmiTestClient b = ami.connect();
        assertThat(ami.control("ami drop")).isEqualTo("OK");
        assertThat(a.closedByServer()).isTrue();
        assertThat(b.closedByServer()).isTrue();
        assertThat(ami.loggedIn().call("Ping").get("Ping")).isEqualTo("Pong");
    }

    @Test
    void shutdownSendsTheShutdownEventThenClosesAndRefusesUntilStarted() throws Exception {
        AmiTestClient system = ami.loggedIn("system");
        AmiTestClient callOnly = ami.loggedIn("call");
        ami.control("ami shutdown");
        AmiTestClient.Packet shutdown = system.awaitEvent("Shutdown");
        assertThat(shutdown.names()).containsExactly("Event", "Privilege", "Shutdown", "Restart");
        assertThat(shutdown.get("Shutdown")).isEqualTo("Cleanly");
        assertThat(shutdown.get("Restart")).isEqualTo("False");
        assertThat(system.closedByServer()).isTrue();
        assertThat(callOnly.closedByServer()).isTrue();
        assertThat(callOnly.received).noneMatch(p -> p.is("Shutdown"));
        assertThatThrownBy(() -> new AmiTestClient(ami.port())).isInstanceOf(ConnectException.class);
        ami.control("ami start");
        assertThat(ami.loggedIn().call("Ping").get("Ping")).isEqualTo("Pong");
    }

    @Test
    void shutdownWithRestartAcceptsAgainAtOnce() throws Exception {
        AmiTestClient c = ami.loggedIn();
        ami.control("ami shutdown restart=true");
        assertThat(c.awaitEvent("Shutdown").get("Restart")).isEqualTo("True");
        assertThat(c.closedByServer()).isTrue();
        assertThat(ami.loggedIn().call("Ping").get("Ping")).isEqualTo("Pong");
    }

    @Test
    void aStallHoldsEveryAnswerUntilItEnds() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.awaitEvent("FullyBooted");
        ami.control("ami stall for=1s");
        c.action("Ping");
        assertThatThrownBy(() -> c.read(Duration.ofMillis(300))).isInstanceOf(SocketTimeoutException.class);
        assertThat(c.read().get("Ping")).isEqualTo("Pong");
    }

    @Test
    void delayedResponsesArriveAfterTheDelay() throws Exception {
        AmiTestClient c = ami.loggedIn();
        ami.control("ami delay for=400ms");
        long start = System.nanoTime();
        assertThat(c.call("Ping").get("Ping")).isEqualTo("Pong");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        ami.control("ami delay for=0s");
        assertThat(c.call("Ping").get("Ping")).isEqualTo("Pong");
    }

    @Test
    void unknownEventsAndUnknownFieldsReachClients() throws Exception {
        AmiTestClient c = ami.loggedIn();
        ami.control("ami unknown-event");
        assertThat(c.awaitEvent("SimulatorSurprise").get("Unknownfield")).isEqualTo("unknown value");
        ami.control("ami extra-fields on");
        ami.control("inbound queue=sales from=5551234");
        assertThat(c.awaitEvent("QueueCallerJoin").get("X-Simulator-Field")).isEqualTo("unknown-to-clients");
        ami.control("ami extra-fields off");
    }

    @Test
    void interleavedEventsComeInsideListReplies() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "true");
        ami.control("ami interleave on");
        String id = c.action("QueueStatus", "Queue", "sales");
        List<AmiTestClient.Packet> all = new java.util.ArrayList<>();
        c.await(p -> {
            all.add(p);
            return id.equals(p.get("ActionID")) && "Complete".equals(p.get("EventList"));
        });
        List<String> shape = all.stream().dropWhile(p -> !id.equals(p.get("ActionID")))
                .map(p -> p.get("Response") != null ? "Response" : p.event()).toList();
        assertThat(shape).containsExactly("Response", "QueueParams", "DeviceStateChange", "QueueMember", "QueueStatusComplete");
        assertThat(all.get(all.size() - 1).get("ListItems")).isEqualTo("2");
    }

    @Test
    void badFaultRequestsAreErrors() {
        assertThat(ami.face().control().handle("ami bogus")).startsWith("ERROR");
        assertThat(ami.face().control().handle("ami stall")).startsWith("ERROR");
        assertThat(ami.face().control().handle("ami delay for=soon")).startsWith("ERROR");
        assertThat(ami.face().control().handle("nonsense")).startsWith("ERROR");
    }

    @Test
    void shutdownHangsUpTheCallsFirstAndARestartedPbxHasNoMembers() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5005", "Paused", "false");
        ami.control("inbound queue=sales from=5551234");
        String caller = c.awaitEvent("AgentCalled").get("Channel");
        c.call("PJSIPNotify", "Endpoint", "5005", "Option", "answer");
        c.awaitEvent("BridgeEnter", "Channel", caller);
        ami.control("ami shutdown restart=true clear=true");
        c.awaitEvent("AgentComplete");
        c.awaitEvent("Hangup", "Channel", caller);
        c.awaitEvent("Shutdown");
        assertThat(c.closedByServer()).isTrue();
        AmiTestClient again = ami.loggedIn();
        List<AmiTestClient.Packet> status = again.awaitList(again.action("QueueStatus", "Queue", "sales"));
        assertThat(status).noneMatch(p -> p.is("QueueMember") || p.is("QueueEntry"));
        assertThat(ami.center().agent("1005").orElseThrow().status()).isEqualTo(org.genericconnector.simulator.model.AgentStatus.LOGOUT);
        assertThat(ami.center().liveCallsOf("1005")).isEmpty();
    }

    @Test
    void shutdownWithoutClearKeepsMembersAndCalls() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5005", "Paused", "true");
        ami.control("ami shutdown restart=true");
        c.awaitEvent("Shutdown");
        AmiTestClient again = ami.loggedIn();
        List<AmiTestClient.Packet> status = again.awaitList(again.action("QueueStatus", "Queue", "sales"));
        assertThat(status).anyMatch(p -> p.is("QueueMember"));
        assertThat(ami.center().agent("1005").orElseThrow().status()).isEqualTo(org.genericconnector.simulator.model.AgentStatus.NOT_READY);
    }
}
