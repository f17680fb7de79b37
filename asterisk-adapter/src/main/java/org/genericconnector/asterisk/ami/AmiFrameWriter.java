package org.genericconnector.asterisk.ami;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes {@link AmiMessage}s as Asterisk expects them: {@code Name: value} lines ended by CRLF and a
 * blank line after the last one, one flush per message. Not thread-safe: callers serialise writes
 * (the client holds a lock per connection).
 */
public final class AmiFrameWriter {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;

    public AmiFrameWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Writes and flushes one message. */
    public void write(AmiMessage message) throws IOException {
        out.write(encode(message));
        out.flush();
    }

    /** The wire bytes of one message, terminating blank line included. */
    public static byte[] encode(AmiMessage message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * (message.headers().size() + 1));
        for (AmiHeader h : message.headers()) {
            bytes.writeBytes((h.name() + ": " + h.value()).getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(CRLF);
        }
        bytes.writeBytes(CRLF);
        return bytes.toByteArray();
    }
}
