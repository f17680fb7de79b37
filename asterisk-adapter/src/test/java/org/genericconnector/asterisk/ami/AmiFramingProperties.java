package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

class AmiFramingProperties {

    @Property(tries = 300)
    void messagesRoundTripThroughWriterAndReader(@ForAll("messages") @Size(min = 1, max = 8) List<AmiMessage> messages)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AmiFrameWriter writer = new AmiFrameWriter(out);
        for (AmiMessage m : messages) {
            writer.write(m);
        }
        AmiFrameReader reader = new AmiFrameReader(new ByteArrayInputStream(out.toByteArray()));
        List<AmiMessage> back = new ArrayList<>();
        for (AmiMessage m = reader.read(); m != null; m = reader.read()) {
            back.add(m);
        }
        assertThat(back).isEqualTo(messages);
    }

    @Property(tries = 1000)
    void garbageOnlyEverYieldsMessagesOrAProtocolException(@ForAll("garbage") byte[] bytes) {
        AmiFrameReader reader = new AmiFrameReader(new ByteArrayInputStream(bytes), 256);
        int reads = 0;
        try {
            if (bytes.length % 2 == 0) {
                reader.readBanner();
            }
            while (reader.read() != null) {
                reads++;
                // Every message consumes at least two bytes, so this bounds the loop: no hang.
                assertThat(reads).isLessThanOrEqualTo(bytes.length / 2 + 1);
            }
        } catch (AmiProtocolException expected) {
            // the one defined failure
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail with plain I/O", e);
        }
    }

    @Provide
    Arbitrary<List<AmiMessage>> messages() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("Event", "ActionID", "Variable", "ChanVariable", "Channel", "Uniqueid",
                        "ChanVariable(Local/1001@agents-00000000;1)", "X-Unknown"),
                Arbitraries.strings().withChars("abcXYZ019-_()/@;.").ofMinLength(1).ofMaxLength(20));
        Arbitrary<String> values = Arbitraries.strings()
                .withCharRange(' ', '~').withChars("éü中\u00a0\t").ofMaxLength(40).map(String::strip);
        Arbitrary<AmiHeader> headers = Combinators.combine(names, values).as(AmiHeader::new);
        Arbitrary<AmiHeader> output = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)
                .map(v -> new AmiHeader("Output", v));
        Arbitrary<AmiMessage> message = Arbitraries.frequencyOf(
                        Tuple.of(5, headers), Tuple.of(1, output))
                .list().ofMinSize(1).ofMaxSize(15).map(AmiMessage::of);
        return message.list();
    }

    @Provide
    Arbitrary<byte[]> garbage() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) '\r', (byte) '\n', (byte) ':', (byte) ' ', (byte) 'A',
                (byte) 0, (byte) 0xC3, (byte) 0xFF);
        Arbitrary<Byte> any = Arbitraries.bytes();
        return Arbitraries.oneOf(interesting, any).array(byte[].class).ofMaxSize(2000);
    }
}
