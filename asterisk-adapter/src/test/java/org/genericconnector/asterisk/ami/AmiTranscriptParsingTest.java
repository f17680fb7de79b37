package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The frame reader against every real Asterisk 22 capture in src/test/resources/ami-transcripts. */
class AmiTranscriptParsingTest {

    static Stream<String> captures() {
        return AmiTranscript.names().stream();
    }

    @Test
    void everyCaptureIsCovered() {
        assertThat(AmiTranscript.names()).containsExactly("a_protocol", "b_agent_login", "c_acd_call",
                "d_rona_abandon", "e_click_to_dial", "f1_vars_status_spy", "f2_blind_transfer_redirect",
                "f3_attended_transfer", "f4_hold_park_conference", "g_shutdown_reconnect", "h_local_devstate");
    }

    @ParameterizedTest
    @MethodSource("captures")
    void serverStreamsParseIntoAsManyMessagesAsTheCaptureHasPackets(String capture) {
        AmiTranscript t = AmiTranscript.load(capture);
        assertThat(t.fromServer()).isNotEmpty();
        for (String connection : t.fromServer().keySet()) {
            List<AmiMessage> messages = t.serverMessages(connection);
            assertThat(messages).as(capture + " " + connection)
                    .hasSize(t.serverPackets().getOrDefault(connection, 0));
            assertThat(messages).as("server messages are responses or events")
                    .allSatisfy(m -> assertThat(m.kind()).isIn(AmiKind.RESPONSE, AmiKind.EVENT));
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void clientStreamsParseIntoAsManyMessagesAsTheCaptureHasPackets(String capture) {
        AmiTranscript t = AmiTranscript.load(capture);
        for (String connection : t.fromClient().keySet()) {
            assertThat(t.clientMessages(connection)).as(capture + " " + connection)
                    .hasSize(t.clientPackets().getOrDefault(connection, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("captures")
    void everyListReplyCompletesWithAsManyItemsAsListItemsSays(String capture) {
        AmiTranscript t = AmiTranscript.load(capture);
        for (String connection : t.fromServer().keySet()) {
            Map<String, List<AmiMessage>> open = new HashMap<>();
            for (AmiMessage m : t.serverMessages(connection)) {
                String id = m.actionId().orElse("");
                if (m.startsList()) {
                    open.put(id, new ArrayList<>());
                } else if (m.completesList()) {
                    assertThat(open).as("list %s was announced", id).containsKey(id);
                    assertThat(open.remove(id)).hasSize(Integer.parseInt(m.getOrEmpty("ListItems")));
                } else if (m.kind() == AmiKind.EVENT && open.containsKey(id)) {
                    open.get(id).add(m);
                }
            }
            assertThat(open).as("lists left open on " + connection).isEmpty();
        }
    }

    @Test
    void bannerLoginAndPingAreReadAsAsteriskSendsThem() {
        AmiTranscript t = AmiTranscript.load("a_protocol");
        assertThat(new String(t.fromServer().get("c1"), 0, 30, java.nio.charset.StandardCharsets.US_ASCII))
                .startsWith("Asterisk Call Manager/11.0.0\r\n");
        List<AmiMessage> c1 = t.serverMessages("c1");
        assertThat(c1.get(0).isError()).isTrue();
        assertThat(c1.get(0).getOrEmpty("message")).isEqualTo("Permission denied");
        assertThat(c1.get(2).getOrEmpty("Message")).isEqualTo("Authentication accepted");
        AmiMessage pong = c1.get(3);
        assertThat(pong.actionId()).contains("c1-4");
        assertThat(pong.get("Ping")).contains("Pong");
        assertThat(pong.get("Timestamp")).contains("1795258583.395860");
        assertThat(pong.has("Message")).isFalse();
    }

    @Test
    void commandOutputKeepsEveryLineWithItsIndentationAndEmptyLines() {
        AmiMessage queueShow = byActionId(AmiTranscript.load("a_protocol").serverMessages("c1"), "c1-14");
        assertThat(queueShow.getAll("Output")).containsExactly(
                "sales has 0 calls (max unlimited) in 'ringall' strategy (0s holdtime, 0s talktime), W:0, C:0, A:0,"
                        + " SL:0.0%, SL2:0.0% within 20s",
                "   No Members", "   No Callers", "");
        AmiMessage unknownCli = byActionId(AmiTranscript.load("a_protocol").serverMessages("c1"), "c1-15");
        assertThat(unknownCli.isError()).isTrue();
        assertThat(unknownCli.getAll("output")).singleElement().asString().startsWith("No such command");
    }

    @Test
    void failedLoginIsAnErrorResponse() {
        List<AmiMessage> c4 = AmiTranscript.load("a_protocol").serverMessages("c4");
        assertThat(c4).singleElement().satisfies(m -> {
            assertThat(m.isError()).isTrue();
            assertThat(m.getOrEmpty("Message")).isEqualTo("Authentication failed");
        });
    }

    @Test
    void lowerCaseLfOnlyInputFromAClientIsReadLikeCanonicalInput() {
        AmiTranscript t = AmiTranscript.load("a_protocol");
        AmiMessage lf = t.fromClient().keySet().stream().flatMap(c -> t.clientMessages(c).stream())
                .filter(m -> m.actionId().filter("lf-1"::equals).isPresent()).findFirst().orElseThrow();
        assertThat(lf.kind()).isEqualTo(AmiKind.ACTION);
        assertThat(lf.name()).isEqualTo("ping");
        assertThat(lf.headers().getFirst().name()).isEqualTo("action");
    }

    @Test
    void statusWithVariablesRepeatsVariableAndPutsActionIdLast() {
        List<AmiMessage> c1 = AmiTranscript.load("f1_vars_status_spy").serverMessages("c1");
        AmiMessage status = c1.stream().filter(m -> m.name().equals("Status") && m.actionId().orElse("").equals("c1-17"))
                .findFirst().orElseThrow();
        assertThat(status.getAll("Variable")).containsExactly("CTI_ACCOUNT=42", "BRIDGEPEER=Local/1001@agents-00000001;1");
        assertThat(status.getAll("ChanVariable")).containsExactly("CTI_ACCOUNT=42");
        assertThat(status.headers().getLast().name()).isEqualTo("ActionID");
        assertThat(status.get("AccountCode")).contains("");
        AmiMessage all = c1.stream().filter(m -> m.name().equals("Status") && m.actionId().orElse("").equals("c1-18"))
                .findFirst().orElseThrow();
        assertThat(all.getAll("Variable")).hasSize(10);
    }

    @Test
    void originateResponseIsAnEventAndKeepsTheChanVariableHeaderWithParentheses() {
        List<AmiMessage> all = new ArrayList<>();
        AmiTranscript t = AmiTranscript.load("e_click_to_dial");
        t.fromServer().keySet().forEach(c -> all.addAll(t.serverMessages(c)));
        List<AmiMessage> originate = all.stream().filter(m -> m.name().equals("OriginateResponse")).toList();
        assertThat(originate).isNotEmpty().allSatisfy(m -> assertThat(m.kind()).isEqualTo(AmiKind.EVENT));
        assertThat(originate).anySatisfy(m -> {
            assertThat(m.get("Response")).contains("Success");
            assertThat(m.get("ChanVariable(Local/1001@agents-00000000;1)")).contains("CTI_ACCOUNT=42");
        });
        assertThat(originate).anySatisfy(m -> {
            assertThat(m.get("Response")).contains("Failure");
            assertThat(m.get("Uniqueid")).contains("<unknown>");
            assertThat(m.get("Channel")).contains("Local/1001@agents");
        });
    }

    @Test
    void hangupByRegexAnswersWithAList() {
        List<AmiMessage> all = new ArrayList<>();
        AmiTranscript t = AmiTranscript.load("e_click_to_dial");
        t.fromServer().keySet().forEach(c -> all.addAll(t.serverMessages(c)));
        assertThat(all).anySatisfy(m -> assertThat(m.completesList() && m.name().equals("ChannelsHungupListComplete")).isTrue());
    }

    @Test
    void queueStatusListCarriesParamsMembersAndEntriesUnderOneActionId() {
        List<AmiMessage> c1 = AmiTranscript.load("a_protocol").serverMessages("c1");
        AmiMessage start = c1.stream().filter(m -> m.startsList() && m.getOrEmpty("Message").equals("Queue status will follow"))
                .findFirst().orElseThrow();
        String id = start.actionId().orElseThrow();
        List<String> names = c1.stream().filter(m -> m.kind() == AmiKind.EVENT && m.actionId().orElse("").equals(id))
                .map(AmiMessage::name).toList();
        assertThat(names).contains("QueueParams").last().isEqualTo("QueueStatusComplete");
        assertThat(c1.stream().filter(m -> m.name().equals("QueueParams")).findFirst().orElseThrow().has("Privilege"))
                .as("list items carry no Privilege").isFalse();
    }

    @Test
    void shutdownEventIsRead() {
        AmiTranscript t = AmiTranscript.load("g_shutdown_reconnect");
        List<AmiMessage> all = new ArrayList<>();
        t.fromServer().keySet().forEach(c -> all.addAll(t.serverMessages(c)));
        assertThat(all).anySatisfy(m -> {
            assertThat(m.name()).isEqualTo("Shutdown");
            assertThat(m.get("Shutdown")).contains("Cleanly");
            assertThat(m.get("Restart")).isPresent();
        });
    }

    private static AmiMessage byActionId(List<AmiMessage> messages, String id) {
        return messages.stream().filter(m -> m.actionId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }
}
