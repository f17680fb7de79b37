package org.genericconnector.servicemanager;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code gcctl logs}: where the logs are and their tail (-f follows, surviving rotation); with --level, changes
 * a logger's level in the running connector through its admin endpoint (until the next restart).
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {"Show where the connector's logs are and their last lines; -f follows them.",
                "--level LEVEL [--logger NAME] changes a log level in the running connector until it restarts."})
final class LogsCommand implements Callable<Integer> {
    @ParentCommand
    GcCtl parent;
    @Spec
    CommandSpec spec;
    @Mixin
    AdminOptions admin;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines (Ctrl-C stops).")
    boolean follow;

    @Option(names = {"-n", "--lines"}, defaultValue = "50", description = "How many last lines to print (default ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--file", paramLabel = "FILE", description = "The log file (default: connector.log in the installation's logs/).")
    Path file;

    @Option(names = "--level", paramLabel = "LEVEL", description = "Set a log level at run time: TRACE, DEBUG, INFO, WARN, ERROR or OFF.")
    String level;

    @Option(names = "--logger", paramLabel = "NAME", defaultValue = "ROOT",
            description = "The logger whose level --level sets (default ${DEFAULT-VALUE}; e.g. org.genericconnector.connector.commands).")
    String logger;

    @Override
    public Integer call() throws GcctlException, IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (level != null) {
            var answer = admin.client(parent.layout()).setLogLevel(logger, level);
            out.println("logger " + answer.path("logger").asText() + " is now at level " + answer.path("level").asText()
                    + " (until the connector restarts; edit logback.xml to keep it)");
            return ExitCodes.OK;
        }
        Path log = file != null ? file : parent.layout().connectorLog();
        spec.commandLine().getErr().println("log file: " + log + " (console output of gcctl start: " + parent.layout().consoleLog() + ")");
        spec.commandLine().getErr().flush();
        if (!Files.isRegularFile(log)) {
            throw new GcctlException(ExitCodes.FAILED, "no log file " + log + " yet (has the connector ever run here?)");
        }
        long shown = tail(log, out);
        if (follow) {
            follow(log, shown, out);
        }
        return ExitCodes.OK;
    }

    /** Prints the last lines of what the file holds now; returns where that ends, so that -f goes on from there. */
    private long tail(Path log, PrintWriter out) throws IOException {
        Deque<String> last = new ArrayDeque<>();
        long end = Files.size(log);
        try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(upTo(log, end), StandardCharsets.UTF_8))) {
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                last.addLast(l);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            }
        }
        last.forEach(out::println);
        out.flush();
        return end;
    }

    /** The file's first {@code end} bytes: lines appended while the tail is read are left to -f. */
    private static java.io.InputStream upTo(Path log, long end) throws IOException {
        return new java.io.FilterInputStream(Files.newInputStream(log)) {
            private long left = end;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }
        };
    }

    /** Polls the file's size; a smaller size means it was rotated, so it is read again from its start. Ends on interrupt. */
    private void follow(Path log, long from, PrintWriter out) throws IOException {
        long position = from;
        while (!Thread.currentThread().isInterrupted()) {
            long size = Files.exists(log) ? Files.size(log) : 0;
            if (size < position) {
                position = 0;
            }
            if (size > position) {
                try (RandomAccessFile raf = new RandomAccessFile(log.toFile(), "r")) {
                    raf.seek(position);
                    byte[] bytes = new byte[(int) (size - position)];
                    raf.readFully(bytes);
                    out.print(new String(bytes, StandardCharsets.UTF_8));
                    out.flush();
                }
                position = size;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
