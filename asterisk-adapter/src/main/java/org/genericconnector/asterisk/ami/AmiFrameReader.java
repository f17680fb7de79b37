package org.genericconnector.asterisk.ami;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Splits the byte stream from an AMI peer into {@link AmiMessage}s. Confined to one thread (the
 * connection's reader).
 *
 * <p>Framing rules, as Asterisk writes and reads them:
 * <ul>
 *   <li>a line ends with CRLF or with a bare LF; an empty line ends a message, and runs of empty lines
 *       between messages are skipped;</li>
 *   <li>the {@code Asterisk Call Manager/x.y.z} banner has no blank line after it: read it with
 *       {@link #readBanner()}; a banner line met where a message starts is skipped;</li>
 *   <li>a header splits on its first colon; the value is stripped, except for {@code Output} (Command
 *       replies), which only loses the one space after the colon so CLI indentation survives; a line
 *       without a colon becomes a header with an empty value; unknown and repeated headers are kept;</li>
 *   <li>bytes are UTF-8, malformed sequences become U+FFFD; stray CRs inside a line are dropped.</li>
 * </ul>
 * Memory is bounded: a message (its lines and terminators) larger than {@code maxMessageBytes} fails
 * with {@link AmiProtocolException} before more is buffered. Any problem is reported as an
 * {@link AmiProtocolException} or as the {@link IOException} of the stream; nothing else is thrown.
 */
public final class AmiFrameReader {

    /** What every Asterisk banner starts with. */
    public static final String BANNER_PREFIX = "Asterisk Call Manager/";

    /** Default limit: large enough for a Status reply with AllVariables or a long Command output. */
    public static final int DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

    private final InputStream in;
    private final int maxMessageBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private int lineLength;
    private int messageBytes;

    public AmiFrameReader(InputStream in, int maxMessageBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxMessageBytes < 64) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 64: " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
    }

    public AmiFrameReader(InputStream in) {
        this(in, DEFAULT_MAX_MESSAGE_BYTES);
    }

    /**
     * Reads the first line of a session and checks it is the AMI banner.
     *
     * @return the banner line without its terminator, e.g. {@code Asterisk Call Manager/11.0.0}
     * @throws AmiProtocolException if the stream ends first or the line is not an AMI banner
     */
    public String readBanner() throws IOException {
        messageBytes = 0;
        if (!readLine()) {
            throw new AmiProtocolException("connection closed before the AMI banner");
        }
        String banner = lineText();
        if (!banner.startsWith(BANNER_PREFIX)) {
            throw new AmiProtocolException("not an AMI banner: " + abbreviate(banner));
        }
        return banner;
    }

    /**
     * Reads the next message.
     *
     * @return the message, or {@code null} when the stream ends cleanly between messages
     * @throws AmiProtocolException if the stream ends inside a message or the message is too large
     */
    public AmiMessage read() throws IOException {
        List<AmiHeader> headers = new ArrayList<>();
        messageBytes = 0;
        while (true) {
            if (!readLine()) {
                if (headers.isEmpty()) {
                    return null;
                }
                throw new AmiProtocolException("connection closed inside a message after " + headers.size() + " headers");
            }
            if (lineLength == 0) {
                if (!headers.isEmpty()) {
                    return AmiMessage.of(headers);
                }
                messageBytes = 0;
                continue;
            }
            String text = lineText();
            if (headers.isEmpty() && text.startsWith(BANNER_PREFIX)) {
                messageBytes = 0;
                continue;
            }
            headers.add(parseHeader(text));
        }
    }

    static AmiHeader parseHeader(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new AmiHeader(text.strip(), "");
        }
        String name = text.substring(0, colon).strip();
        String raw = text.substring(colon + 1);
        if (name.equalsIgnoreCase("Output")) {
            return new AmiHeader(name, raw.startsWith(" ") ? raw.substring(1) : raw);
        }
        return new AmiHeader(name, raw.strip());
    }

    /** Reads one line into {@link #line}; false at end of stream with nothing read. */
    private boolean readLine() throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return false;
                }
                throw new AmiProtocolException("connection closed inside a line");
            }
            any = true;
            byte b = buffer[position++];
            countByte();
            if (b == '\n') {
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return true;
            }
            append(b);
        }
    }

    private void countByte() throws AmiProtocolException {
        if (++messageBytes > maxMessageBytes) {
            throw new AmiProtocolException("AMI message larger than " + maxMessageBytes + " bytes");
        }
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        while (n == 0) {
            n = in.read(buffer, 0, buffer.length);
        }
        if (n < 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private String lineText() {
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        return text.indexOf('\r') >= 0 ? text.replace("\r", "") : text;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }
}
