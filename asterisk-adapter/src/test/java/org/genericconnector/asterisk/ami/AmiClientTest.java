package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The client over real loopback sockets against {@link ScriptedAmiPeer}, with time moved by hand. */
class AmiClientTest extends AmiClientFixture {

    // --- login ---

    @Test
    void plainLoginSendsUsernameSecretAndEventMaskThenReportsLoggedIn() throws Exception {
        start(config().build());
        ScriptedAmiPeer.Session s = peer.nextSession();
        AmiMessage login = s.acceptPlainLogin();
        assertThat(login.get("Username")).contains("cti");
        assertThat(login.get("Secret")).contains(SECRET);
        assertThat(login.get("Events")).contains("call,agent,user,system");
        assertThat(login.has("AuthType")).isFalse();
        s.send("Event: FullyBooted", "Privilege: system,all", "Uptime: 5021", "LastReload: 5021", "Status: Fully Booted");

        AmiLoginInfo info = listener.awaitLogin();
        assertThat(info.amiVersion()).isEqualTo("11.0.0");
        assertThat(info.session()).isEqualTo(1);
        assertThat(info.isReconnect()).isFalse();
        assertThat(info.at()).isEqualTo(time.instant());
        assertThat(listener.awaitEvent().name()).isEqualTo("FullyBooted");
        assertThat(listener.order).containsExactly("loggedIn", "event:FullyBooted");
        assertThat(client.isLoggedIn()).isTrue();
    }

    @Test
    void md5LoginSendsTheKeyDerivedFromTheChallengeAndNeverTheSecret() throws Exception {
        start(config().authType(AmiAuthType.MD5).build());
        ScriptedAmiPeer.Session s = peer.nextSession().banner();
        AmiMessage challenge = s.expect("Challenge");
        assertThat(challenge.get("AuthType")).contains("MD5");
        s.respond(challenge, "Response: Success", "Challenge: 312933915");
        AmiMessage login = s.expect("Login");
        s.respond(login, "Response: Success", "Message: Authentication accepted");

        String expected = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(("312933915" + SECRET).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(login.get("AuthType")).contains("MD5");
        assertThat(login.get("Key")).contains(expected);
        assertThat(login.has("Secret")).isFalse();
        assertThat(login.toString()).doesNotContain(expected);
        listener.awaitLogin();
    }

    @Test
    void refusedLoginIsAnAuthenticationFailureThatWaitsTheLongBackoff() throws Exception {
        start(config().build());
        ScriptedAmiPeer.Session s = peer.nextSession().banner();
        AmiMessage login = s.expect("Login");
        s.respond(login, "Response: Error", "Message: Authentication failed");
        s.close();

        RecordingListener.Failed failed = listener.awaitConnectFailure();
        assertThat(failed.cause().kind()).isEqualTo(AmiFailureKind.AUTHENTICATION);
        assertThat(failed.cause().isRetriable()).isFalse();
        assertThat(failed.cause().getMessage()).contains("Authentication failed").doesNotContain(SECRET);
        assertThat(failed.retryIn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(time.awaitScheduled("reconnect")).isEqualTo(Duration.ofMinutes(5));
        assertThat(peer.acceptedConnections()).as("no tight reconnect loop").isEqualTo(1);
        assertThat(listener.logins).isEmpty();
        assertThat(listener.disconnects).as("never logged in, so never 'disconnected'").isEmpty();

        time.advance(Duration.ofMinutes(5));
        peer.nextSession().acceptPlainLogin();
        assertThat(listener.awaitLogin().session()).isEqualTo(1);
    }

    @Test
    void refusedLoginMakesTheClientCloseItsSocketEvenIfAsteriskDoesNot() throws Exception {
        start(config().build());
        ScriptedAmiPeer.Session s = peer.nextSession().banner();
        s.respond(s.expect("Login"), "Response: Error", "Message: Authentication failed");
        s.awaitClosedByClient();
        assertThat(listener.awaitConnectFailure().cause().kind()).isEqualTo(AmiFailureKind.AUTHENTICATION);
    }

    @Test
    void aPeerWithoutTheAmiBannerIsAProtocolFailure() throws Exception {
        start(config().build());
        ScriptedAmiPeer.Session s = peer.nextSession();
        s.raw("SSH-2.0-OpenSSH_9.2\r\n");
        RecordingListener.Failed failed = listener.awaitConnectFailure();
        assertThat(failed.cause().kind()).isEqualTo(AmiFailureKind.PROTOCOL);
        assertThat(failed.retryIn()).isEqualTo(Duration.ofSeconds(1));
        s.awaitClosedByClient();
    }

    @Test
    void aPeerThatNeverCompletesTheLoginIsDroppedAfterTheLoginTimeout() throws Exception {
        start(config().loginTimeout(Duration.ofSeconds(7)).build());
        ScriptedAmiPeer.Session s = peer.nextSession();
        assertThat(time.awaitScheduled("login-timeout")).isEqualTo(Duration.ofSeconds(7));
        time.advance(Duration.ofSeconds(7));
        assertThat(listener.awaitConnectFailure().cause().kind()).isEqualTo(AmiFailureKind.TIMEOUT);
        s.awaitClosedByClient();
    }

    // --- actions ---

    @Test
    void answersAreMatchedByActionIdWhateverTheirOrderAndEventsBetweenThemGoToListeners() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        CompletableFuture<AmiResponse> pause = client.send(AmiMessage.action("QueuePause")
                .add("Interface", "PJSIP/1001").add("Paused", "true").add("Reason", "lunch").build());
        CompletableFuture<AmiResponse> getvar = client.send(AmiMessage.action("Getvar").add("Variable", "CTI_ACCOUNT").build());
        CompletableFuture<AmiResponse> ping = client.send(AmiMessage.action("Ping").build());
        AmiMessage a1 = s.expect("QueuePause");
        AmiMessage a2 = s.expect("Getvar");
        AmiMessage a3 = s.expect("Ping");
        assertThat(a1.actionId()).isNotEqualTo(a2.actionId());

        s.respond(a3, "Response: Success", "Ping: Pong", "Timestamp: 1795258583.395860");
        s.send("Event: QueueMemberPause", "Privilege: agent,all", "Queue: sales", "Interface: PJSIP/1001", "Paused: 1",
                "PausedReason: lunch");
        s.send("Response: Success", "Variable: CTI_ACCOUNT", "Value: 42", "ActionID: " + a2.actionId().orElseThrow());
        s.send("Event: QueueMemberPause", "Privilege: agent,all", "Queue: support", "Interface: PJSIP/1001", "Paused: 1");
        s.respond(a1, "Response: Success", "Message: Interface paused successfully");

        assertThat(answer(ping).message().get("Ping")).contains("Pong");
        assertThat(answer(getvar).message().get("Value")).contains("42");
        assertThat(answer(pause).message().get("Message")).contains("Interface paused successfully");
        assertThat(answer(pause).events()).isEmpty();
        assertThat(listener.awaitEvent().get("Queue")).contains("sales");
        assertThat(listener.awaitEvent().get("Queue")).contains("support");
    }

    @Test
    void listRepliesAreCollectedToCompletionPastUnrelatedEvents() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        CompletableFuture<AmiResponse> status = client.send(AmiMessage.action("QueueStatus").build());
        AmiMessage action = s.expect("QueueStatus");
        String id = action.actionId().orElseThrow();
        // As Asterisk 22 sends it (a_protocol capture): ActionID first in the response, last in QueueParams.
        s.send("Response: Success", "ActionID: " + id, "EventList: start", "Message: Queue status will follow");
        s.send("Event: QueueParams", "Queue: sales", "Max: 0", "Strategy: ringall", "Calls: 0", "Holdtime: 0",
                "TalkTime: 0", "Completed: 0", "Abandoned: 0", "ServiceLevel: 20", "ServicelevelPerf: 0.0",
                "ServicelevelPerf2: 0.0", "Weight: 0", "ActionID: " + id);
        s.send("Event: Newchannel", "Privilege: call,all", "Channel: Local/5551234@customers-00000000;1", "Uniqueid: 1795258755.0");
        s.send("Event: UserEvent", "Privilege: user,all", "UserEvent: Other", "ActionID: somebody-else");
        s.send("Event: QueueMember", "Queue: sales", "Name: agent1001", "Location: Local/1001@agents/n",
                "StateInterface: Custom:1001", "Membership: dynamic", "Paused: 0", "PausedReason: ", "ActionID: " + id);
        s.send("Event: QueueStatusComplete", "ActionID: " + id, "EventList: Complete", "ListItems: 2");
        s.send("Event: Hangup", "Privilege: call,all", "Channel: Local/5551234@customers-00000000;1", "Cause: 16");

        AmiResponse list = answer(status);
        assertThat(list.isList()).isTrue();
        assertThat(list.message().get("Message")).contains("Queue status will follow");
        assertThat(list.events()).extracting(AmiMessage::name).containsExactly("QueueParams", "QueueMember");
        assertThat(list.events().get(1).get("PausedReason")).contains("");
        assertThat(list.completion()).hasValueSatisfying(c -> assertThat(c.get("ListItems")).contains("2"));
        assertThat(listener.awaitEvent().name()).isEqualTo("Newchannel");
        assertThat(listener.awaitEvent().name()).isEqualTo("UserEvent");
        assertThat(listener.awaitEvent().name()).isEqualTo("Hangup");
        assertThat(listener.events).isEmpty();
    }

    @Test
    void anEventWithTheActionIdOfAnAnsweredActionIsAnOrdinaryEvent() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        CompletableFuture<AmiResponse> originate = client.send(AmiMessage.action("Originate")
                .add("Channel", "Local/1001@agents").add("Context", "outbound").add("Exten", "6000")
                .add("Priority", "1").add("Async", "true").add("Variable", "__CTI_ACCOUNT=42").add("Variable", "B=2").build());
        AmiMessage action = s.expect("Originate");
        assertThat(action.getAll("Variable")).containsExactly("__CTI_ACCOUNT=42", "B=2");
        s.respond(action, "Response: Success", "Message: Originate successfully queued");
        assertThat(answer(originate).message().get("Message")).contains("Originate successfully queued");
        s.send("Event: OriginateResponse", "Privilege: call,all", "ActionID: " + action.actionId().orElseThrow(),
                "Response: Success", "Channel: Local/1001@agents-00000000;1", "Reason: 4", "Uniqueid: 1795258800.0");
        AmiMessage event = listener.awaitEvent();
        assertThat(event.name()).isEqualTo("OriginateResponse");
        assertThat(event.actionId()).isEqualTo(action.actionId());
    }

    @Test
    void anErrorResponseFailsTheActionAsRejectedWithAsterisksMessage() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        CompletableFuture<AmiResponse> add = client.send(AmiMessage.action("QueueAdd").add("Queue", "nosuch")
                .add("Interface", "PJSIP/1001").build());
        s.respond(s.expect("QueueAdd"), "Response: Error", "Message: Unable to add interface to queue: No such queue");
        AmiException e = failure(add);
        assertThat(e.kind()).isEqualTo(AmiFailureKind.REJECTED);
        assertThat(e.isRetriable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("Unable to add interface to queue: No such queue");
        assertThat(e.response()).hasValueSatisfying(r -> assertThat(r.isError()).isTrue());
    }

    @Test
    void anUnansweredActionTimesOutAndTheConnectionStaysUp() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        CompletableFuture<AmiResponse> slow = client.send(AmiMessage.action("QueueSummary").build(), Duration.ofSeconds(3));
        AmiMessage unanswered = s.expect("QueueSummary");
        time.advance(Duration.ofSeconds(3));
        AmiException e = failure(slow);
        assertThat(e.kind()).isEqualTo(AmiFailureKind.TIMEOUT);
        assertThat(e.getMessage()).contains("QueueSummary", "3000 ms");

        s.respond(unanswered, "Response: Success", "EventList: start", "Message: Queue summary will follow");
        s.send("Event: QueueSummaryComplete", "ActionID: " + unanswered.actionId().orElseThrow(), "EventList: Complete", "ListItems: 0");
        CompletableFuture<AmiResponse> ping = client.send(AmiMessage.action("Ping").build());
        s.respond(s.expect("Ping"), "Response: Success", "Ping: Pong");
        assertThat(answer(ping).message().isSuccess()).isTrue();
        assertThat(client.isLoggedIn()).isTrue();
        assertThat(listener.disconnects).isEmpty();
        assertThat(listener.order).as("the late list's completion surfaces as an event, the late response does not")
                .containsExactly("loggedIn", "event:QueueSummaryComplete");
    }

    @Test
    void actionsWhileNotLoggedInFailAtOnceAsNotConnected() throws Exception {
        start(config().build());
        AmiException e = failure(client.send(AmiMessage.action("Ping").build()));
        assertThat(e.kind()).isEqualTo(AmiFailureKind.NOT_CONNECTED);
        assertThat(e.isRetriable()).isTrue();
    }

    // --- liveness and reconnect ---

    @Test
    void anAnsweredPingKeepsTheSessionAndTheNextPingFollows() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        assertThat(time.awaitScheduled("ping")).isEqualTo(PING_INTERVAL);
        time.advance(PING_INTERVAL);
        s.respond(s.expect("Ping"), "Response: Success", "Ping: Pong", "Timestamp: 1795258583.395860");
        assertThat(time.awaitScheduled("ping")).isEqualTo(PING_INTERVAL);
        time.advance(PING_TIMEOUT);
        assertThat(client.isLoggedIn()).isTrue();
        time.advance(PING_INTERVAL.minus(PING_TIMEOUT));
        s.expect("Ping");
        assertThat(listener.disconnects).isEmpty();
    }

    @Test
    void pingSilenceForcesAReconnectAndAFreshLoginWhichCallsTheResyncHookAgain() throws Exception {
        ScriptedAmiPeer.Session first = loggedIn();
        time.awaitScheduled("ping");
        time.advance(PING_INTERVAL);
        first.expect("Ping");
        time.advance(PING_TIMEOUT);

        AmiException cause = listener.awaitDisconnect();
        assertThat(cause.kind()).isEqualTo(AmiFailureKind.TIMEOUT);
        assertThat(cause.getMessage()).contains("Ping");
        first.awaitClosedByClient();
        assertThat(client.isLoggedIn()).isFalse();

        assertThat(time.awaitScheduled("reconnect")).isEqualTo(BACKOFF.initial());
        time.advance(BACKOFF.initial());
        peer.nextSession().acceptPlainLogin();
        AmiLoginInfo again = listener.awaitLogin();
        assertThat(again.session()).isEqualTo(2);
        assertThat(again.isReconnect()).isTrue();
        assertThat(listener.order).containsExactly("loggedIn", "disconnected:TIMEOUT", "loggedIn");
    }

    @Test
    void aDroppedSocketReconnectsWithGrowingBackoffAndLogsInAgain() throws Exception {
        ScriptedAmiPeer.Session first = loggedIn();
        CompletableFuture<AmiResponse> inFlight = client.send(AmiMessage.action("CoreShowChannels").build());
        first.expect("CoreShowChannels");
        first.close();

        assertThat(listener.awaitDisconnect().kind()).isEqualTo(AmiFailureKind.IO);
        assertThat(failure(inFlight).kind()).as("waiting actions fail when the link drops").isEqualTo(AmiFailureKind.IO);
        assertThat(time.awaitScheduled("reconnect")).isEqualTo(Duration.ofSeconds(1));
        time.advance(Duration.ofSeconds(1));

        for (long seconds : new long[] {2, 4, 8, 8}) { // doubling, capped at max
            peer.nextSession().close(); // accepted, then dropped before the banner: this attempt fails
            assertThat(listener.awaitConnectFailure().retryIn()).isEqualTo(Duration.ofSeconds(seconds));
            assertThat(time.awaitScheduled("reconnect")).isEqualTo(Duration.ofSeconds(seconds));
            time.advance(Duration.ofSeconds(seconds));
        }

        ScriptedAmiPeer.Session back = peer.nextSession();
        back.acceptPlainLogin();
        assertThat(listener.awaitLogin().session()).isEqualTo(2);
        CompletableFuture<AmiResponse> ping = client.send(AmiMessage.action("Ping").build());
        back.respond(back.expect("Ping"), "Response: Success", "Ping: Pong");
        assertThat(answer(ping).message().isSuccess()).isTrue();

        back.close();
        assertThat(listener.awaitDisconnect().kind()).isEqualTo(AmiFailureKind.IO);
        assertThat(time.awaitScheduled("reconnect")).as("back-off starts over after a login").isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void anLfOnlyPeerIsUnderstood() throws Exception {
        start(config().build());
        ScriptedAmiPeer.Session s = peer.nextSession().lfOnly().banner();
        AmiMessage login = s.expect("Login");
        s.respond(login, "Response: Success", "Message: Authentication accepted");
        s.send("Event: FullyBooted", "Privilege: system,all", "Status: Fully Booted");
        listener.awaitLogin();
        assertThat(listener.awaitEvent().get("Status")).contains("Fully Booted");

        CompletableFuture<AmiResponse> list = client.send(AmiMessage.action("CoreShowChannels").build());
        String id = s.expect("CoreShowChannels").actionId().orElseThrow();
        s.send("Response: Success", "ActionID: " + id, "EventList: start", "Message: Channels will follow");
        s.send("Event: CoreShowChannel", "ActionID: " + id, "Channel: PJSIP/1001-00000001");
        s.send("Event: CoreShowChannelsComplete", "ActionID: " + id, "EventList: Complete", "ListItems: 1");
        assertThat(answer(list).events()).singleElement().satisfies(e -> assertThat(e.get("Channel")).contains("PJSIP/1001-00000001"));
    }

    @Test
    void aFullEventQueueDropsTheSessionAndResyncsRatherThanLosingEventsSilently() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        start(config().eventQueueCapacity(3).build());
        client.addEventListener(e -> {
            blocked.countDown();
            await(release);
        });
        ScriptedAmiPeer.Session s = peer.nextSession();
        s.acceptPlainLogin();
        listener.awaitLogin();
        s.send("Event: E0");
        assertThat(blocked.await(10, TimeUnit.SECONDS)).isTrue(); // E0 is being delivered, the queue is empty
        for (int i = 1; i <= 5; i++) {
            s.send("Event: E" + i);
        }
        s.awaitClosedByClient();
        release.countDown();

        AmiException cause = listener.awaitDisconnect();
        assertThat(cause.kind()).isEqualTo(AmiFailureKind.OVERLOAD);
        assertThat(cause.getMessage()).contains("E4");
        assertThat(listener.order).containsExactly("loggedIn", "event:E0", "event:E1", "event:E2", "event:E3",
                "disconnected:OVERLOAD");
        time.advance(time.awaitScheduled("reconnect"));
        peer.nextSession().acceptPlainLogin();
        assertThat(listener.awaitLogin().isReconnect()).as("the resync hook runs again").isTrue();
    }

    @Test
    void closeLogsOffAndFailsWaitingActionsAsClosed() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        CompletableFuture<AmiResponse> waiting = client.send(AmiMessage.action("QueueStatus").build());
        s.expect("QueueStatus");
        client.close();
        s.expect("Logoff");
        s.awaitClosedByClient();
        assertThat(failure(waiting).kind()).isEqualTo(AmiFailureKind.CLOSED);
        assertThat(listener.awaitDisconnect().kind()).isEqualTo(AmiFailureKind.CLOSED);
        assertThat(failure(client.send(AmiMessage.action("Ping").build())).kind()).isEqualTo(AmiFailureKind.CLOSED);
        assertThat(time.pending()).doesNotContain("reconnect", "ping");
    }

    @Test
    void sendRefusesSomethingThatIsNotAnAction() throws Exception {
        loggedIn();
        assertThatThrownBy(() -> client.send(AmiMessage.builder().add("Event", "X").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
