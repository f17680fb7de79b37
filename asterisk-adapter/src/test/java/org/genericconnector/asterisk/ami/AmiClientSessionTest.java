package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Whole-session behaviour: the resync hook, many concurrent actions, threads, and what reaches the logs. */
class AmiClientSessionTest extends AmiClientFixture {

    @Test
    void theResyncHookMayRunListActionsAndEventsWaitBehindIt() throws Exception {
        List<String> resync = new CopyOnWriteArrayList<>();
        start(config().build());
        client.addConnectionListener(new AmiConnectionListener() {
            @Override
            public void onLoggedIn(AmiLoginInfo info) {
                for (String action : List.of("QueueStatus", "CoreShowChannels", "DeviceStateList")) {
                    AmiResponse r = client.send(AmiMessage.action(action).build()).join();
                    resync.add(action + ":" + r.events().size());
                }
            }

            @Override
            public void onDisconnected(AmiException cause) {
            }
        });
        ScriptedAmiPeer.Session s = peer.nextSession();
        s.acceptPlainLogin();
        s.send("Event: FullyBooted", "Privilege: system,all", "Status: Fully Booted");
        answerList(s, "QueueStatus", "QueueParams", "QueueMember", "QueueMember");
        s.send("Event: Newchannel", "Privilege: call,all", "Channel: PJSIP/1001-00000001");
        answerList(s, "CoreShowChannels", "CoreShowChannel");
        answerList(s, "DeviceStateList");

        assertThat(listener.awaitEvent().name()).isEqualTo("FullyBooted");
        assertThat(listener.awaitEvent().name()).isEqualTo("Newchannel");
        assertThat(resync).containsExactly("QueueStatus:3", "CoreShowChannels:1", "DeviceStateList:0");
        assertThat(listener.order).containsExactly("loggedIn", "event:FullyBooted", "event:Newchannel");
    }

    @Test
    void manyConcurrentActionsEachGetTheirOwnAnswer() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        int count = 200;
        List<CompletableFuture<AmiResponse>> futures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            senders.add(Thread.ofVirtual().start(() -> {
                for (int i = thread; i < count; i += 8) {
                    futures.add(client.send(AmiMessage.action("Getvar").add("Variable", "V" + i).build()));
                }
            }));
        }
        List<AmiMessage> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            received.add(s.expect("Getvar"));
        }
        for (Thread t : senders) {
            t.join();
        }
        Collections.shuffle(received, new java.util.Random(7));
        for (AmiMessage action : received) {
            s.send("Event: VarSet", "Privilege: dialplan,all", "Variable: noise");
            s.respond(action, "Response: Success", "Variable: " + action.getOrEmpty("Variable"), "Value: value-of-" + action.getOrEmpty("Variable"));
        }
        for (CompletableFuture<AmiResponse> f : futures) {
            AmiMessage r = f.get(10, TimeUnit.SECONDS).message();
            assertThat(r.get("Value")).contains("value-of-" + r.getOrEmpty("Variable"));
        }
        assertThat(futures).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(listener.awaitEvent().name()).isEqualTo("VarSet");
        }
    }

    @Test
    void codeChainedOnAnAnswerRunsNeitherOnTheReaderNorOnTheDispatcher() throws Exception {
        ScriptedAmiPeer.Session s = loggedIn();
        CompletableFuture<String> thread = client.send(AmiMessage.action("Ping").build())
                .thenApply(r -> Thread.currentThread().getName() + "/virtual=" + Thread.currentThread().isVirtual());
        s.respond(s.expect("Ping"), "Response: Success", "Ping: Pong");
        assertThat(thread.get(10, TimeUnit.SECONDS)).endsWith("virtual=true").doesNotStartWith("ami-");
    }

    @Test
    void aListenerThatThrowsKeepsNeitherLaterEventsNorOtherListenersFromDelivery() throws Exception {
        client = new AmiClient(config().build(), time);
        AmiConnectionListener broken = new AmiConnectionListener() {
            @Override
            public void onLoggedIn(AmiLoginInfo info) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onDisconnected(AmiException cause) {
                throw new IllegalStateException("listener bug");
            }
        };
        client.addConnectionListener(broken);
        client.addEventListener(e -> {
            throw new IllegalStateException("listener bug");
        });
        client.addConnectionListener(listener);
        client.addEventListener(listener);
        client.start();
        ScriptedAmiPeer.Session s = peer.nextSession();
        s.acceptPlainLogin();
        s.send("Event: A");
        s.send("Event: B");
        listener.awaitLogin();
        assertThat(listener.awaitEvent().name()).isEqualTo("A");
        assertThat(listener.awaitEvent().name()).isEqualTo("B");
    }

    @Test
    void theSecretNeverReachesALogLineEvenAtTraceLevel() throws Exception {
        Logger ami = (Logger) LoggerFactory.getLogger("org.genericconnector.asterisk");
        ch.qos.logback.classic.Level before = ami.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ami.addAppender(logs);
        ami.setLevel(ch.qos.logback.classic.Level.TRACE);
        try {
            start(config().build());
            ScriptedAmiPeer.Session s = peer.nextSession().banner();
            s.respond(s.expect("Login"), "Response: Error", "Message: Authentication failed");
            listener.awaitConnectFailure();
            time.advance(time.awaitScheduled("reconnect"));
            s = peer.nextSession();
            s.acceptPlainLogin();
            listener.awaitLogin();
            client.close();
            assertThat(logs.list).isNotEmpty();
            assertThat(logs.list).allSatisfy(e -> {
                assertThat(e.getFormattedMessage()).doesNotContain(SECRET);
                assertThat(String.valueOf(e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage())).doesNotContain(SECRET);
            });
            assertThat(logs.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("Secret: ******"));
        } finally {
            ami.detachAppender(logs);
            ami.setLevel(before);
        }
    }

    private static void answerList(ScriptedAmiPeer.Session s, String action, String... items) {
        AmiMessage a = s.expect(action);
        String id = a.actionId().orElseThrow();
        s.respond(a, "Response: Success", "EventList: start", "Message: " + action + " will follow");
        for (String item : items) {
            s.send("Event: " + item, "ActionID: " + id);
        }
        s.send("Event: " + action + "Complete", "ActionID: " + id, "EventList: Complete", "ListItems: " + items.length);
    }
}
