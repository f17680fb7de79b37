package org.genericconnector.simulator.ami;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * A raw-socket AMI client for tests: its own line reader with a timeout, packets as header lists, waits on
 * conditions (a packet read within a timeout), never on sleeps. Keeps every packet it read, in order.
 * Confined to the test thread.
 */
final class AmiTestClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(5);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    final List<Packet> received = Collections.synchronizedList(new ArrayList<>());
    private int nextId = 1;

    /** One packet: headers in order, names as sent. */
    record Packet(List<String[]> headers) {
        String get(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }

        List<String> names() {
            return headers.stream().map(h -> h[0]).toList();
        }

        String event() {
            return get("Event");
        }

        boolean is(String event) {
            return event.equals(event());
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder();
            headers.forEach(h -> b.append(h[0]).append(": ").append(h[1]).append(" | "));
            return b.toString();
        }
    }

    AmiTestClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) WAIT.toMillis());
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Reads one line (CRLF stripped); null at end of stream; throws SocketTimeoutException after {@code timeout}. */
    String readLine(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                if (!text.endsWith("\r")) {
                    throw new IOException("server line not ended by CRLF: " + text);
                }
                return text.substring(0, text.length() - 1);
            }
            line.write(b);
        }
    }

    String banner() throws IOException {
        return readLine(WAIT);
    }

    /** The next packet, or null at end of stream. */
    Packet read(Duration timeout) throws IOException {
        List<String[]> headers = new ArrayList<>();
        while (true) {
            String line = readLine(timeout);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                Packet p = new Packet(headers);
                received.add(p);
                return p;
            }
            int colon = line.indexOf(':');
            headers.add(new String[] {line.substring(0, colon), line.substring(colon + 1).strip()});
        }
    }

    Packet read() throws IOException {
        Packet p = read(WAIT);
        if (p == null) {
            throw new IOException("connection closed");
        }
        return p;
    }

    /** Reads until a packet matches; the packets skipped stay in {@link #received}. */
    Packet await(Predicate<Packet> wanted) throws IOException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("no matching packet within " + WAIT + "; read " + received);
            }
            Packet p;
            try {
                p = read(Duration.ofNanos(left));
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("no matching packet within " + WAIT + "; read " + received);
            }
            if (p == null) {
                throw new IOException("connection closed while waiting; read " + received);
            }
            if (wanted.test(p)) {
                return p;
            }
        }
    }

    Packet awaitEvent(String event) throws IOException {
        return await(p -> p.is(event));
    }

    Packet awaitEvent(String event, String header, String value) throws IOException {
        return await(p -> p.is(event) && value.equals(p.get(header)));
    }

    /** Reads the packets of a list reply up to its Complete event (for {@code actionId}), in order. */
    List<Packet> awaitList(String actionId) throws IOException {
        List<Packet> list = new ArrayList<>();
        await(p -> {
            if (actionId.equals(p.get("ActionID"))) {
                list.add(p);
                return "Complete".equals(p.get("EventList"));
            }
            return false;
        });
        return list;
    }

    /** True when the server closes the connection within the wait (no more packets). */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (read(WAIT) == null) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset
        }
    }

    /** Sends a packet of {@code name, value} pairs, CRLF framed. */
    void send(String... nameValues) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nameValues.length; i += 2) {
            b.append(nameValues[i]).append(": ").append(nameValues[i + 1]).append("\r\n");
        }
        raw(b.append("\r\n").toString());
    }

    void raw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Sends an action with a fresh ActionID and returns that id. */
    String action(String action, String... nameValues) throws IOException {
        String id = "t-" + nextId++;
        String[] all = new String[nameValues.length + 4];
        all[0] = "Action";
        all[1] = action;
        all[2] = "ActionID";
        all[3] = id;
        System.arraycopy(nameValues, 0, all, 4, nameValues.length);
        send(all);
        return id;
    }

    /** Sends an action and waits for its response. */
    Packet call(String action, String... nameValues) throws IOException {
        String id = action(action, nameValues);
        return await(p -> id.equals(p.get("ActionID")) && p.get("Response") != null);
    }

    /** The events read so far, in order. */
    List<Packet> events() {
        synchronized (received) {
            return received.stream().filter(p -> p.event() != null).toList();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
