package org.genericconnector.asterisk.ami;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real AMI capture from src/test/resources/ami-transcripts: the bytes each connection sent in each
 * direction, rebuilt from the literal {@code \r\n} / {@code \n} terminators of the capture format, and
 * how many packets (capture blocks, banner excluded) each side sent.
 */
record AmiTranscript(String name, Map<String, byte[]> fromServer, Map<String, byte[]> fromClient,
                     Map<String, Integer> serverPackets, Map<String, Integer> clientPackets) {

    private static final Pattern BLOCK = Pattern.compile("^@@ (<<|>>|--)\\s+(\\S+)\\s.*$");

    static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AmiTranscript load(String name) {
        try {
            Map<String, ByteArrayOutputStream> server = new LinkedHashMap<>();
            Map<String, ByteArrayOutputStream> client = new LinkedHashMap<>();
            Map<String, Integer> serverCounts = new LinkedHashMap<>();
            Map<String, Integer> clientCounts = new LinkedHashMap<>();
            ByteArrayOutputStream current = null;
            boolean firstLine = false;
            for (String line : Files.readAllLines(directory().resolve(name + ".txt"), StandardCharsets.UTF_8)) {
                Matcher m = BLOCK.matcher(line);
                if (m.matches()) {
                    current = switch (m.group(1)) {
                        case "<<" -> server.computeIfAbsent(m.group(2), k -> new ByteArrayOutputStream());
                        case ">>" -> client.computeIfAbsent(m.group(2), k -> new ByteArrayOutputStream());
                        default -> null;
                    };
                    firstLine = current != null;
                    if (firstLine) {
                        (m.group(1).equals("<<") ? serverCounts : clientCounts).merge(m.group(2), 1, Integer::sum);
                    }
                } else if (line.isEmpty()) {
                    current = null;
                } else if (current != null) {
                    if (firstLine && line.startsWith(AmiFrameReader.BANNER_PREFIX)) {
                        serverCounts.merge(connectionOf(server, current), -1, Integer::sum);
                    }
                    firstLine = false;
                    current.writeBytes(decode(line));
                }
            }
            return new AmiTranscript(name, bytes(server), bytes(client), serverCounts, clientCounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message the server sent on one connection, after its banner. */
    List<AmiMessage> serverMessages(String connection) {
        return parse(Objects.requireNonNull(fromServer.get(connection), connection), true);
    }

    /** Every message the client sent on one connection. */
    List<AmiMessage> clientMessages(String connection) {
        return parse(fromClient.getOrDefault(connection, new byte[0]), false);
    }

    static List<AmiMessage> parse(byte[] bytes, boolean banner) {
        try {
            AmiFrameReader reader = new AmiFrameReader(new java.io.ByteArrayInputStream(bytes));
            if (banner) {
                reader.readBanner();
            }
            List<AmiMessage> messages = new ArrayList<>();
            for (AmiMessage m = reader.read(); m != null; m = reader.read()) {
                messages.add(m);
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String connectionOf(Map<String, ByteArrayOutputStream> streams, ByteArrayOutputStream stream) {
        return streams.entrySet().stream().filter(e -> e.getValue() == stream).findFirst().orElseThrow().getKey();
    }

    private static byte[] decode(String line) {
        String wire;
        if (line.endsWith("\\r\\n")) {
            wire = line.substring(0, line.length() - 4) + "\r\n";
        } else if (line.endsWith("\\n")) {
            wire = line.substring(0, line.length() - 2) + "\n";
        } else {
            throw new IllegalStateException("capture line without a terminator: " + line);
        }
        return wire.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> bytes(Map<String, ByteArrayOutputStream> streams) {
        Map<String, byte[]> result = new LinkedHashMap<>();
        streams.forEach((k, v) -> result.put(k, v.toByteArray()));
        return result;
    }

    private static Path directory() {
        URL url = AmiTranscript.class.getResource("/ami-transcripts");
        try {
            return Path.of(Objects.requireNonNull(url, "ami-transcripts on the test class path").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
