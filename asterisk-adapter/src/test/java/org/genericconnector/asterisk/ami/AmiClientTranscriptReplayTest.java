package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against a peer that replays what a real Asterisk 22 sent on connection c1 of a capture,
 * byte for byte except for ActionIDs, which are mapped from the captured ones to the client's. The test
 * sends the captured actions; every one must be answered, every list collected whole, and exactly the
 * unsolicited events of the capture must reach the listener, in order.
 */
class AmiClientTranscriptReplayTest extends AmiClientFixture {

    @ParameterizedTest
    @ValueSource(strings = {"b_agent_login", "c_acd_call", "d_rona_abandon", "e_click_to_dial", "f1_vars_status_spy",
            "f2_blind_transfer_redirect", "f3_attended_transfer", "f4_hold_park_conference", "h_local_devstate"})
    void aRealSessionReplaysThroughTheClient(String capture) throws Exception {
        AmiTranscript t = AmiTranscript.load(capture);
        List<AmiMessage> actions = t.clientMessages("c1");
        List<AmiMessage> server = t.serverMessages("c1");
        assertThat(actions.getFirst().name()).isEqualTo("Login");

        start(config().build());
        ScriptedAmiPeer.Session s = peer.nextSession();
        CompletableFuture<Void> replay = CompletableFuture.runAsync(() -> replay(s, actions, server),
                r -> Thread.ofVirtual().start(r));
        listener.awaitLogin();

        List<CompletableFuture<AmiResponse>> answers = new ArrayList<>();
        for (AmiMessage action : actions.subList(1, actions.size())) {
            answers.add(client.send(action));
        }
        for (int i = 0; i < answers.size(); i++) {
            checkAnswer(actions.get(i + 1), answers.get(i));
        }
        replay.get(10, TimeUnit.SECONDS);

        List<String> expected = unsolicitedEventNames(server);
        assertThat(expected).as("a capture worth replaying").hasSizeGreaterThan(20);
        List<String> delivered = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            delivered.add(listener.awaitEvent().name());
        }
        assertThat(delivered).isEqualTo(expected);
    }

    private static void checkAnswer(AmiMessage action, CompletableFuture<AmiResponse> answer) throws Exception {
        try {
            AmiResponse r = answer.get(10, TimeUnit.SECONDS);
            if (r.isList()) {
                int items = Integer.parseInt(r.completion().orElseThrow().getOrEmpty("ListItems"));
                assertThat(r.events()).as(action.name() + " items").hasSize(items);
            }
        } catch (ExecutionException e) {
            assertThat(e.getCause()).as(action.toString()).isInstanceOf(AmiException.class);
            assertThat(((AmiException) e.getCause()).kind()).as(action.toString()).isEqualTo(AmiFailureKind.REJECTED);
        }
    }

    /** The peer: banner, then the captured server messages, each ActionID mapped to the client's. */
    private static void replay(ScriptedAmiPeer.Session s, List<AmiMessage> actions, List<AmiMessage> server) {
        Set<String> capturedIds = new HashSet<>();
        actions.forEach(a -> capturedIds.add(a.actionId().orElseThrow()));
        Map<String, String> toClient = new HashMap<>();
        int read = 0;
        s.banner();
        for (AmiMessage m : server) {
            String id = m.actionId().orElse(null);
            if (id == null || !capturedIds.contains(id)) {
                s.send(m);
                continue;
            }
            while (!toClient.containsKey(id)) {
                AmiMessage sent = s.next();
                assertThat(sent.name()).isEqualTo(actions.get(read).name());
                toClient.put(actions.get(read++).actionId().orElseThrow(), sent.actionId().orElseThrow());
            }
            s.send(m.withActionId(toClient.get(id)));
        }
    }

    /** The captured events that are not items of a list reply. */
    private static List<String> unsolicitedEventNames(List<AmiMessage> server) {
        Set<String> openLists = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (AmiMessage m : server) {
            String id = m.actionId().orElse("");
            if (m.startsList()) {
                openLists.add(id);
            } else if (m.kind() == AmiKind.EVENT && openLists.contains(id)) {
                if (m.completesList()) {
                    openLists.remove(id);
                }
            } else if (m.kind() == AmiKind.EVENT) {
                names.add(m.name());
            }
        }
        return names;
    }
}
