package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The manager protocol itself: banner, logins, errors, Ping, Logoff, Events masks (asterisk-ami.md 1.x, capture a_protocol). */
class AmiProtocolTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension().authTimeout(Duration.ofMillis(500));

    @Test
    void bannerIsTheAsterisk22LineWithNoBlankLineAfterIt() throws Exception {
        try (AmiTestClient c = new AmiTestClient(ami.port())) {
            assertThat(c.banner()).isEqualTo("Asterisk Call Manager/11.0.0");
            c.send("Action", "Ping", "ActionID", "p1");
            assertThat(c.read().get("Message")).isEqualTo("Permission denied"); // the first packet after the banner
        }
    }

    @Test
    void plainLoginIsAcceptedAndFollowedByFullyBooted() throws Exception {
        AmiTestClient c = ami.connect();
        c.send("Action", "Login", "ActionID", "x#1", "Username", "cti", "Secret", "test-secret");
        AmiTestClient.Packet reply = c.read();
        assertThat(reply.names()).containsExactly("Response", "ActionID", "Message");
        assertThat(reply.get("Response")).isEqualTo("Success");
        assertThat(reply.get("ActionID")).isEqualTo("x#1");
        assertThat(reply.get("Message")).isEqualTo("Authentication accepted");
        AmiTestClient.Packet booted = c.read();
        assertThat(booted.names()).containsExactly("Event", "Privilege", "Uptime", "LastReload", "Status");
        assertThat(booted.get("Status")).isEqualTo("Fully Booted");
        assertThat(booted.get("Privilege")).isEqualTo("system,all");
    }

    @Test
    void loginWhoseMaskLacksSystemGetsNoFullyBooted() throws Exception {
        AmiTestClient c = ami.connect();
        c.call("Login", "Username", "cti", "Secret", "test-secret", "Events", "call,agent");
        assertThat(c.call("Ping").get("Ping")).isEqualTo("Pong");
        assertThat(c.received).noneMatch(p -> p.is("FullyBooted"));
    }

    @Test
    void md5LoginUsesTheChallenge() throws Exception {
        AmiTestClient c = ami.connect();
        AmiTestClient.Packet challenge = c.call("Challenge", "AuthType", "MD5");
        assertThat(challenge.get("Challenge")).matches("\\d{9}");
        String key = AmiDispatcher.md5Hex(challenge.get("Challenge") + "test-secret");
        AmiTestClient.Packet reply = c.call("Login", "Username", "cti", "AuthType", "MD5", "Key", key);
        assertThat(reply.get("Message")).isEqualTo("Authentication accepted");
    }

    @Test
    void wrongSecretFailsAndClosesTheSocket() throws Exception {
        AmiTestClient c = ami.connect();
        AmiTestClient.Packet reply = c.call("Login", "Username", "cti", "Secret", "nope");
        assertThat(reply.get("Response")).isEqualTo("Error");
        assertThat(reply.get("Message")).isEqualTo("Authentication failed");
        assertThat(c.closedByServer()).isTrue();
    }

    @Test
    void wrongMd5KeyAndUnknownUserFailAndCloseTheSocket() throws Exception {
        AmiTestClient c = ami.connect();
        c.call("Challenge", "AuthType", "MD5");
        assertThat(c.call("Login", "Username", "cti", "AuthType", "MD5", "Key", "00").get("Message")).isEqualTo("Authentication failed");
        assertThat(c.closedByServer()).isTrue();
        AmiTestClient d = ami.connect();
        assertThat(d.call("Login", "Username", "who", "Secret", "test-secret").get("Message")).isEqualTo("Authentication failed");
        assertThat(d.closedByServer()).isTrue();
    }

    @Test
    void beforeLoginOnlyLoginChallengeAndLogoffAreServed() throws Exception {
        AmiTestClient c = ami.connect();
        assertThat(c.call("Ping").get("Message")).isEqualTo("Permission denied");
        assertThat(c.call("QueueStatus").get("Message")).isEqualTo("Permission denied");
        AmiTestClient.Packet bye = c.call("Logoff");
        assertThat(bye.get("Response")).isEqualTo("Goodbye");
        assertThat(c.closedByServer()).isTrue();
    }

    @Test
    void anUnauthenticatedIdleSocketIsClosedAfterTheAuthTimeout() throws Exception {
        AmiTestClient c = ami.connect();
        assertThat(c.closedByServer()).isTrue();
    }

    @Test
    void pingAnswersPongWithATimestampAndNoMessage() throws Exception {
        AmiTestClient c = ami.loggedIn();
        AmiTestClient.Packet pong = c.call("Ping");
        assertThat(pong.names()).containsExactly("Response", "ActionID", "Ping", "Timestamp");
        assertThat(pong.get("Timestamp")).matches("\\d{10}\\.\\d{6}");
    }

    @Test
    void logoffSaysGoodbyeAndCloses() throws Exception {
        AmiTestClient c = ami.loggedIn();
        AmiTestClient.Packet bye = c.call("Logoff");
        assertThat(bye.get("Message")).isEqualTo("Thanks for all the fish.");
        assertThat(c.closedByServer()).isTrue();
    }

    @Test
    void unknownActionGetsAsterisksOwnString() throws Exception {
        AmiTestClient c = ami.loggedIn();
        assertThat(c.call("FooBar").get("Message"))
                .isEqualTo("Invalid/unknown command: FooBar. Use Action: ListCommands to show available commands.");
    }

    @Test
    void missingActionIsAnErrorThatStillEchoesTheActionId() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.send("ActionID", "no-action-1", "Foo", "bar");
        AmiTestClient.Packet reply = c.await(p -> "no-action-1".equals(p.get("ActionID")));
        assertThat(reply.get("Message")).isEqualTo("Missing action in request");
    }

    @Test
    void lowerCaseHeadersAndBareLineFeedsAreAccepted() throws Exception {
        AmiTestClient c = ami.connect();
        c.raw("action: login\nactionid: lf-1\nusername: cti\nsecret: test-secret\n\n");
        assertThat(c.await(p -> "lf-1".equals(p.get("ActionID"))).get("Message")).isEqualTo("Authentication accepted");
    }

    @Test
    void readOnlyUserIsDeniedWriteActionsButMayReadQueues() throws Exception {
        AmiTestClient c = ami.connect();
        c.call("Login", "Username", "ctiro", "Secret", "test-secret");
        assertThat(c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "true").get("Message")).isEqualTo("Permission denied");
        assertThat(c.call("Originate", "Channel", "PJSIP/5003", "Exten", "123").get("Message")).isEqualTo("Permission denied");
        assertThat(c.call("QueueSummary").get("Response")).isEqualTo("Success");
    }

    @Test
    void eventsActionSetsTheMaskAndAnInvalidMaskIsOff() throws Exception {
        AmiTestClient c = ami.loggedIn();
        AmiTestClient.Packet off = c.call("Events", "EventMask", "off");
        assertThat(off.names()).containsExactly("Response", "ActionID", "Events");
        assertThat(off.get("Events")).isEqualTo("Off");
        assertThat(c.call("Events", "EventMask", "bogus").get("Events")).isEqualTo("Off");
        assertThat(c.call("Events", "EventMask", "user").get("Events")).isEqualTo("On");
    }

    @Test
    void eventMasksFilterWhatEachSessionReads() throws Exception {
        AmiTestClient user = ami.loggedIn("user");
        AmiTestClient agent = ami.loggedIn("agent");
        AmiTestClient sender = ami.loggedIn("off");
        assertThat(sender.call("UserEvent", "UserEvent", "Hello", "Foo", "bar").get("Message")).isEqualTo("Event Sent");
        AmiTestClient.Packet heard = user.awaitEvent("UserEvent");
        assertThat(heard.names()).containsExactly("Event", "Privilege", "UserEvent", "ActionID", "Foo");
        assertThat(heard.get("Foo")).isEqualTo("bar");
        // the agent-class session reads agent events but not the UserEvent
        ami.control("inbound queue=sales from=5551234");
        assertThat(agent.awaitEvent("QueueCallerJoin").get("Queue")).isEqualTo("sales");
        assertThat(agent.received).noneMatch(p -> p.is("UserEvent") || p.is("Newchannel"));
        assertThat(sender.call("Ping").get("Ping")).isEqualTo("Pong");
        assertThat(sender.events()).isEmpty();
    }
}
