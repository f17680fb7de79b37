package org.genericconnector.connector.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A raw STOMP 1.2 client over a socket: frames written and read by hand, as a scripting client would. */
public final class StompGcClient implements GcClient {
    private final String topic;
    private final String commandTopic;
    private final Inbox inbox = new Inbox();
    private final Socket socket;
    private final OutputStream out;
    private final CountDownLatch connected = new CountDownLatch(1);
    private final CountDownLatch subscribed = new CountDownLatch(1);

    public StompGcClient(String host, int port, String topic, String commandTopic) {
        this.topic = topic;
        this.commandTopic = commandTopic;
        try {
            socket = new Socket(host, port);
            out = socket.getOutputStream();
            Thread.ofPlatform().daemon(true).name("stomp-reader-" + topic).start(this::readLoop);
            frame("CONNECT", Map.of("accept-version", "1.2", "host", "localhost"), null);
            await(connected, "CONNECTED");
            frame("SUBSCRIBE", ordered("id", "0", "destination", "/topic/" + topic, "ack", "auto", "receipt", "sub-0"), null);
            await(subscribed, "RECEIPT");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("STOMP " + what + " not received");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private synchronized void frame(String command, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder sb = new StringBuilder(command).append('\n');
        headers.forEach((k, v) -> sb.append(k).append(':').append(escape(v)).append('\n'));
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            out.write(body);
        }
        out.write(0);
        out.flush();
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace(":", "\\c").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String v) {
        return v.replace("\\c", ":").replace("\\n", "\n").replace("\\r", "\r").replace("\\\\", "\\");
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public void send(String jmsType, String body, String correlationId) {
        sendFrame(jmsType, body.getBytes(StandardCharsets.UTF_8), correlationId, true, false, "/topic/" + commandTopic);
    }

    @Override
    public void sendBytes(String jmsType, byte[] body, String correlationId) {
        sendFrame(jmsType, body, correlationId, true, true, "/topic/" + commandTopic);
    }

    @Override
    public void sendNoReplyTo(String jmsType, String body) {
        sendFrame(jmsType, body.getBytes(StandardCharsets.UTF_8), null, false, false, "/topic/" + commandTopic);
    }

    @Override
    public void sendLine(String controlTopic, String line, String correlationId) {
        sendFrame(null, line.getBytes(StandardCharsets.UTF_8), correlationId, true, false, "/topic/" + controlTopic);
    }

    private void sendFrame(String jmsType, byte[] body, String correlationId, boolean replyTo, boolean contentLength, String to) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("destination", to);
        if (jmsType != null) {
            h.put("type", jmsType);
        }
        if (replyTo) {
            h.put("reply-to", "/topic/" + topic);
        }
        if (correlationId != null) {
            h.put("correlation-id", correlationId);
        }
        if (contentLength) {
            h.put("content-length", String.valueOf(body.length));
        }
        try {
            frame("SEND", h, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readLoop() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            while (true) {
                String command = readLine(in);
                if (command == null) {
                    return;
                }
                if (command.isEmpty()) {
                    continue; // heart-beat
                }
                Map<String, String> headers = new HashMap<>();
                for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                    int colon = line.indexOf(':');
                    headers.putIfAbsent(line.substring(0, colon), unescape(line.substring(colon + 1)));
                }
                byte[] body = readBody(in, headers.get("content-length"));
                switch (command) {
                    case "CONNECTED" -> connected.countDown();
                    case "RECEIPT" -> subscribed.countDown();
                    case "MESSAGE" -> inbox.add(new Received(new String(body, StandardCharsets.UTF_8), headers,
                            headers.get("correlation-id")));
                    case "ERROR" -> System.err.println("STOMP ERROR " + headers + " " + new String(body, StandardCharsets.UTF_8));
                    default -> { }
                }
            }
        } catch (IOException e) {
            // socket closed
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return null;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private static byte[] readBody(InputStream in, String contentLength) throws IOException {
        if (contentLength != null) {
            byte[] body = in.readNBytes(Integer.parseInt(contentLength.strip()));
            in.read(); // the NUL
            return body;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            body.write(b);
        }
        return body.toByteArray();
    }

    @Override
    public Inbox inbox() {
        return inbox;
    }

    @Override
    public void close() {
        try {
            frame("DISCONNECT", Map.of(), null);
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
