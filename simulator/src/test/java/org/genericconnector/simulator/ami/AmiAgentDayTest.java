package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import org.genericconnector.simulator.model.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptance path of the issue, with documented actions only: an AMI client logs an agent in, takes an
 * inbound call through to release, logs it out, and observes the PBX going away (Shutdown, then a drop on
 * the reconnected session).
 */
class AmiAgentDayTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension();

    @Test
    void loginTakeACallLogoutAndSeeThePbxGoAway() throws Exception {
        AmiTestClient c = ami.connect();
        String challenge = c.call("Challenge", "AuthType", "MD5").get("Challenge");
        c.call("Login", "Username", "cti", "AuthType", "MD5", "Key", AmiDispatcher.md5Hex(challenge + "test-secret"),
                "Events", "call,agent,user,system");
        c.awaitEvent("FullyBooted");

        // log in not ready, then ready
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5005", "MemberName", "1005", "StateInterface", "PJSIP/5005",
                "Paused", "true", "Reason", "login");
        c.call("QueuePause", "Interface", "PJSIP/5005", "Paused", "false");
        assertThat(c.awaitEvent("QueueMemberPause").get("Paused")).isEqualTo("0");
        assertThat(ami.center().agent("1005").orElseThrow().status()).isEqualTo(AgentStatus.READY);

        // an inbound call, answered on the phone, released by the caller
        ami.control("inbound queue=sales from=5551234");
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        assertThat(called.get("MemberName")).isEqualTo("1005");
        c.call("PJSIPNotify", "Endpoint", "5005", "Option", "answer");
        AmiTestClient.Packet connect = c.awaitEvent("AgentConnect");
        assertThat(connect.get("Uniqueid")).isEqualTo(called.get("Uniqueid"));
        c.call("Hangup", "Channel", called.get("Channel"));
        assertThat(c.awaitEvent("AgentComplete").get("DestUniqueid")).isEqualTo(connect.get("DestUniqueid"));
        c.awaitEvent("Hangup", "Channel", called.get("DestChannel"));
        assertThat(ami.center().agent("1005").orElseThrow().status()).isEqualTo(AgentStatus.READY); // NOT_ALLOWED wrap-up

        // log out
        c.call("QueuePause", "Interface", "PJSIP/5005", "Paused", "true", "Reason", "end of shift");
        c.call("QueueRemove", "Queue", "sales", "Interface", "PJSIP/5005");
        c.awaitEvent("QueueMemberRemoved");
        assertThat(ami.center().agent("1005").orElseThrow().status()).isEqualTo(AgentStatus.LOGOUT);

        // the PBX shuts down, comes back, and the link drops
        ami.control("ami shutdown restart=true");
        assertThat(c.awaitEvent("Shutdown").get("Restart")).isEqualTo("True");
        assertThat(c.closedByServer()).isTrue();
        AmiTestClient again = ami.loggedIn();
        assertThat(again.call("Ping").get("Ping")).isEqualTo("Pong");
        ami.control("ami drop");
        assertThat(again.closedByServer()).isTrue();
    }
}
