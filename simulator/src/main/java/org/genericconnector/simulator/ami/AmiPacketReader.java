package org.genericconnector.simulator.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AMI packets from a client: lines ended by CRLF or a bare LF, a blank line ends a packet. As Asterisk
 * does, a line longer than 1024 bytes is dropped and a packet keeps at most 128 headers; a line without a
 * colon is ignored. Confined to the session's reading thread.
 */
final class AmiPacketReader {
    static final int MAX_LINE = 1024;
    static final int MAX_HEADERS = 128;

    private final InputStream in;

    AmiPacketReader(InputStream in) {
        this.in = in;
    }

    /** The next packet with at least one header, or null at end of stream. */
    AmiMessage next() throws IOException {
        List<AmiMessage.Header> headers = new ArrayList<>();
        while (true) {
            String line = readLine();
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (!headers.isEmpty()) {
                    return new AmiMessage(headers);
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0 && headers.size() < MAX_HEADERS) {
                headers.add(new AmiMessage.Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
        }
    }

    private String readLine() throws IOException {
        byte[] buffer = new byte[MAX_LINE];
        int length = 0;
        boolean tooLong = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (b == '\n') {
                if (tooLong) {
                    length = 0;
                    tooLong = false;
                    continue;
                }
                if (length > 0 && buffer[length - 1] == '\r') {
                    length--;
                }
                return new String(buffer, 0, length, StandardCharsets.UTF_8);
            }
            if (length == MAX_LINE) {
                tooLong = true;
            } else if (!tooLong) {
                buffer[length++] = (byte) b;
            }
        }
    }
}
