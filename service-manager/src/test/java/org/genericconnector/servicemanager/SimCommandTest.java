package org.genericconnector.servicemanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** gcctl sim ami runs the simulator's AMI face: a real AMI port, scenario lines from stdin answered on stdout. */
class SimCommandTest {
    @TempDir
    Path home;

    @Test
    void theAmiFaceServesAmiAndAnswersScenarioLines() throws Exception {
        PipedOutputStream typed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typed);
        StringWriter out = new StringWriter();
        CommandLine cl = GcCtl.commandLine(Layout.from(Map.of("GC_HOME", home.toString())), stdin);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int[] code = {-1};
        Thread gcctl = Thread.ofPlatform().start(() -> code[0] = cl.execute("sim", "ami", "--", "--port", "0", "--user", "cti",
                "--secret", "test-secret-1"));
        try {
            String listening = await(out, Pattern.compile("AMI face listening on 127\\.0\\.0\\.1:(\\d+)"));
            int port = Integer.parseInt(listening);
            try (Socket s = new Socket("127.0.0.1", port);
                 BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))) {
                assertThat(r.readLine()).startsWith("Asterisk Call Manager/");
            }
            typed.write("status\n".getBytes(StandardCharsets.UTF_8));
            typed.flush();
            await(out, Pattern.compile("(?m)^(OK .*agents=.*)$"));
        } finally {
            gcctl.interrupt();
            gcctl.join(15_000);
        }
        assertThat(gcctl.isAlive()).isFalse();
        assertThat(code[0]).isZero();
    }

    @Test
    void theFinesseFaceServesRestAndStopsAtTheEndOfStdin() throws Exception {
        PipedOutputStream typed = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(typed);
        StringWriter out = new StringWriter();
        CommandLine cl = GcCtl.commandLine(Layout.from(Map.of("GC_HOME", home.toString())), stdin);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int[] code = {-1};
        Thread gcctl = Thread.ofPlatform().start(() -> code[0] = cl.execute("sim", "finesse", "--", "--no-secondary", "--no-https"));
        try {
            String http = await(out, Pattern.compile("READY .*?,http=(\\d+),"));
            try (Socket s = new Socket("127.0.0.1", Integer.parseInt(http))) {
                assertThat(s.isConnected()).isTrue();
            }
            typed.write("status\n".getBytes(StandardCharsets.UTF_8));
            typed.flush();
            await(out, Pattern.compile("(?m)^(OK .*)$"));
            typed.close();
            gcctl.join(60_000);
        } finally {
            gcctl.interrupt();
            gcctl.join(15_000);
        }
        assertThat(code[0]).as(out.toString()).isZero();
    }

    @Test
    void badFaceOptionsAreAUsageError() {
        Gcctl.Run r = Gcctl.run(Layout.from(Map.of("GC_HOME", home.toString())), "sim", "ami", "--", "--port", "0", "--nonsense", "1");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.out()).contains("unknown option --nonsense");
    }

    /** Polls the captured output; generous deadline: a face starts a JVM (and prosody) on a possibly busy machine. */
    private static String await(StringWriter out, Pattern pattern) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            Matcher m = pattern.matcher(out.toString());
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + pattern + " in:\n" + out);
    }
}
