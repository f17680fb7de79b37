package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.genericconnector.simulator.model.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On real time the model's own timers (a ring timeout) reach AMI clients with no request around them. */
class AmiRealTimeTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension().realTime().ringTimeout(Duration.ofMillis(300));

    @Test
    void aRingTimeoutOnTheWallClockGivesAgentRingNoAnswerAndAutoPause() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "false");
        ami.control("inbound queue=sales from=5551234");
        c.awaitEvent("AgentCalled");
        AmiTestClient.Packet rona = c.awaitEvent("AgentRingNoAnswer");
        assertThat(Long.parseLong(rona.get("RingTime"))).isGreaterThanOrEqualTo(200); // wall clock vs the scheduler's monotonic clock
        assertThat(c.awaitEvent("QueueMemberPause").get("PausedReason")).isEqualTo("Auto-Pause");
        assertThat(ami.center().agent("1003").orElseThrow().status()).isEqualTo(AgentStatus.NOT_READY);
    }
}
