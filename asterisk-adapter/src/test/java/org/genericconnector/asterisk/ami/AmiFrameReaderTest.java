package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class AmiFrameReaderTest {

    private static AmiFrameReader reader(String wire) {
        return new AmiFrameReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    private static AmiFrameReader reader(String wire, int max) {
        return new AmiFrameReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)), max);
    }

    @Test
    void bannerHasNoBlankLineAfterItAndTheFirstMessageFollowsDirectly() throws IOException {
        AmiFrameReader r = reader("Asterisk Call Manager/11.0.0\r\nResponse: Success\r\nActionID: 1\r\n\r\n");
        assertThat(r.readBanner()).isEqualTo("Asterisk Call Manager/11.0.0");
        AmiMessage m = r.read();
        assertThat(m.kind()).isEqualTo(AmiKind.RESPONSE);
        assertThat(m.actionId()).contains("1");
        assertThat(r.read()).isNull();
    }

    @Test
    void somethingOtherThanTheBannerIsAProtocolError() {
        assertThatThrownBy(() -> reader("HTTP/1.1 400 Bad Request\r\n\r\n").readBanner())
                .isInstanceOf(AmiProtocolException.class).hasMessageContaining("not an AMI banner");
        assertThatThrownBy(() -> reader("").readBanner()).isInstanceOf(AmiProtocolException.class);
    }

    @Test
    void aBannerWhereAMessageStartsIsSkipped() throws IOException {
        AmiFrameReader r = reader("Asterisk Call Manager/9.0.0\r\nEvent: FullyBooted\r\n\r\n");
        assertThat(r.read().name()).isEqualTo("FullyBooted");
    }

    @Test
    void lfOnlyAndMixedTerminatorsAreAccepted() throws IOException {
        AmiFrameReader r = reader("Event: A\nX: 1\n\nEvent: B\r\nY: 2\n\r\n");
        assertThat(r.read().get("X")).contains("1");
        AmiMessage b = r.read();
        assertThat(b.name()).isEqualTo("B");
        assertThat(b.get("Y")).contains("2");
        assertThat(r.read()).isNull();
    }

    @Test
    void blankLinesBetweenMessagesAreSkipped() throws IOException {
        AmiFrameReader r = reader("\r\n\r\nEvent: A\r\n\r\n\r\n\n\r\nEvent: B\r\n\r\n\r\n");
        assertThat(r.read().name()).isEqualTo("A");
        assertThat(r.read().name()).isEqualTo("B");
        assertThat(r.read()).isNull();
    }

    @Test
    void headersWithoutValueAndLinesWithoutColonAreKept() throws IOException {
        AmiMessage m = reader("Event: QueueMemberPause\r\nPausedReason: \r\nAccountCode:\r\n--END COMMAND--\r\n\r\n").read();
        assertThat(m.get("PausedReason")).contains("");
        assertThat(m.get("AccountCode")).contains("");
        assertThat(m.get("--END COMMAND--")).contains("");
        assertThat(m.headers()).hasSize(4);
    }

    @Test
    void valuesSplitOnTheFirstColonOnlyAndUnknownHeadersSurvive() throws IOException {
        AmiMessage m = reader("Event: X-Custom\r\nBridgeID: a:b:c\r\nTimestamp:  1795258583.395860 \r\nX-Whatever: y\r\n\r\n").read();
        assertThat(m.get("BridgeID")).contains("a:b:c");
        assertThat(m.get("timestamp")).contains("1795258583.395860");
        assertThat(m.get("X-WHATEVER")).contains("y");
    }

    @Test
    void repeatedHeadersKeepEveryValueInOrder() throws IOException {
        AmiMessage m = reader("Event: Status\r\nVariable: A=1\r\nChanVariable: X=\r\nvariable: B=2\r\n\r\n").read();
        assertThat(m.getAll("Variable")).containsExactly("A=1", "B=2");
        assertThat(m.get("VARIABLE")).contains("A=1");
        assertThat(m.getAll("Nope")).isEmpty();
    }

    @Test
    void anOversizedMessageFailsBeforeItIsBuffered() {
        String big = "Event: Big\r\n" + "X: " + "a".repeat(500) + "\r\n\r\n";
        assertThatThrownBy(() -> reader(big, 256).read())
                .isInstanceOf(AmiProtocolException.class).hasMessageContaining("larger than 256 bytes");
    }

    @Test
    void aMessageJustUnderTheLimitIsRead() throws IOException {
        String wire = "Event: E\r\nX: " + "a".repeat(100) + "\r\n\r\n";
        assertThat(reader(wire, wire.length()).read().get("X")).hasValueSatisfying(v -> assertThat(v).hasSize(100));
    }

    @Test
    void theSizeLimitIsPerMessage() throws IOException {
        String one = "Event: E\r\nX: " + "a".repeat(100) + "\r\n\r\n";
        AmiFrameReader r = reader(one.repeat(20), one.length());
        for (int i = 0; i < 20; i++) {
            assertThat(r.read()).isNotNull();
        }
    }

    @Test
    void aStreamEndingInsideAMessageIsAProtocolError() {
        assertThatThrownBy(() -> reader("Event: A\r\nX: 1\r\n").read()).isInstanceOf(AmiProtocolException.class);
        assertThatThrownBy(() -> reader("Event: A\r\nX: 1").read()).isInstanceOf(AmiProtocolException.class);
    }

    @Test
    void malformedUtf8AndStrayCarriageReturnsDoNotBreakTheMessage() throws IOException {
        byte[] wire = {'E', 'v', 'e', 'n', 't', ':', ' ', 'A', '\r', '\n', 'X', ':', ' ', (byte) 0xC3, '\r', 'z', '\r', '\n', '\r', '\n'};
        AmiMessage m = new AmiFrameReader(new ByteArrayInputStream(wire)).read();
        assertThat(m.get("X")).contains("\uFFFDz");
    }

    @Test
    void utf8ValuesAreDecoded() throws IOException {
        assertThat(reader("Event: A\r\nCallerIDName: Zoë Müller 中\r\n\r\n").read().get("CallerIDName")).contains("Zoë Müller 中");
    }

    @Test
    void writerUsesCrlfAndEndsWithABlankLine() {
        AmiMessage m = AmiMessage.action("Ping").add("ActionID", "7").add("PausedReason", "").build();
        assertThat(new String(AmiFrameWriter.encode(m), StandardCharsets.UTF_8))
                .isEqualTo("Action: Ping\r\nActionID: 7\r\nPausedReason: \r\n\r\n");
    }

    @Test
    void readerAndWriterAgreeOnCommandOutput() throws IOException {
        AmiMessage m = AmiMessage.builder().add("Response", "Success").add("Output", "   No Members").add("Output", "").build();
        AmiMessage back = new AmiFrameReader(new ByteArrayInputStream(AmiFrameWriter.encode(m))).read();
        assertThat(back).isEqualTo(m);
        assertThat(back.getAll("Output")).isEqualTo(List.of("   No Members", ""));
    }
}
