package org.genericconnector.simulator.finesse;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.genericconnector.protocol.spi.Durations;

/**
 * Runs the Finesse face as a process (docs/FINESSE-FACE.md). Prints one {@code READY ...} line with every node's
 * ports, then reads scenario lines on standard input and prints each reply; end of input (or a signal) stops it.
 * Exit codes: 0 stopped normally, 2 bad options, 1 could not start.
 */
public final class FinesseFaceMain {
    private FinesseFaceMain() {
    }

    static final String USAGE = """
            usage: FinesseFaceMain [options]
              --population FILE           population YAML (default: the packaged conf/sandbox.yaml)
              --http-port N               primary HTTP port (default: free port)
              --https-port N              primary HTTPS port (default: free port)
              --xmpp-port N               primary XMPP (c2s) port (default: free port)
              --secondary-http-port N     secondary HTTP port
              --secondary-https-port N    secondary HTTPS port
              --secondary-xmpp-port N     secondary XMPP port
              --no-secondary              run the primary node only
              --no-https                  no HTTPS ports
              --simulated-time            the clock stands still until 'advance by=...'
              --seed N                    seeds dialog ids and caller numbers (default 1)
              --ring-timeout DURATION     ring no answer after (default 15s; 0s never)
              --forced-logout-grace DURATION  presence loss to forced logout (default 60s)
              --prosody PATH              the prosody binary (default: prosody)
              --no-stdin                  do not read scenario lines; run until killed
            """;

    public static void main(String[] args) throws Exception {
        FinesseFaceSettings settings;
        boolean stdin = true;
        try {
            settings = FinesseFaceSettings.defaults();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--no-secondary" -> settings = settings.withSecondary(false);
                    case "--no-https" -> settings = settings.withHttps(false);
                    case "--simulated-time" -> settings = settings.withSimulatedTime(true);
                    case "--no-stdin" -> stdin = false;
                    case "--help", "-h" -> {
                        System.out.print(USAGE);
                        return;
                    }
                    default -> settings = option(settings, a, i + 1 < args.length ? args[++i] : null);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        run(settings, stdin, System.out);
    }

    private static FinesseFaceSettings option(FinesseFaceSettings s, String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        FinesseFaceSettings d = s;
        return switch (name) {
            case "--population" -> {
                if (!Files.isRegularFile(Path.of(value))) {
                    throw new IllegalArgumentException("--population: no file " + value);
                }
                yield d.withPopulation(Path.of(value));
            }
            case "--http-port" -> d.withPrimaryPorts(port(name, value), d.primaryHttpsPort(), d.primaryXmppPort());
            case "--https-port" -> d.withPrimaryPorts(d.primaryHttpPort(), port(name, value), d.primaryXmppPort());
            case "--xmpp-port" -> d.withPrimaryPorts(d.primaryHttpPort(), d.primaryHttpsPort(), port(name, value));
            case "--secondary-http-port" -> d.withSecondaryPorts(port(name, value), d.secondaryHttpsPort(), d.secondaryXmppPort());
            case "--secondary-https-port" -> d.withSecondaryPorts(d.secondaryHttpPort(), port(name, value), d.secondaryXmppPort());
            case "--secondary-xmpp-port" -> d.withSecondaryPorts(d.secondaryHttpPort(), d.secondaryHttpsPort(), port(name, value));
            case "--seed" -> new FinesseFaceSettings(d.population(), d.simulatedTime(), Long.parseLong(value), d.ringTimeout(),
                    d.secondary(), d.https(), d.primaryHttpPort(), d.primaryHttpsPort(), d.primaryXmppPort(), d.secondaryHttpPort(),
                    d.secondaryHttpsPort(), d.secondaryXmppPort(), d.forcedLogoutGrace(), d.prosodyExecutable(),
                    d.primaryDomain(), d.secondaryDomain());
            case "--ring-timeout" -> d.withRingTimeout(Durations.parse(name, value));
            case "--forced-logout-grace" -> d.withForcedLogoutGrace(Durations.parse(name, value));
            case "--prosody" -> d.withProsodyExecutable(value);
            default -> throw new IllegalArgumentException("unknown option " + name);
        };
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": '" + value + "' is not a port");
        }
    }

    static void run(FinesseFaceSettings settings, boolean stdin, PrintStream out) throws Exception {
        FinesseFace face;
        try {
            face = FinesseFace.start(settings);
        } catch (RuntimeException e) {
            System.err.println("cannot start the Finesse face: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            face.close();
            stopped.countDown();
        }));
        if (stdin) {
            serve(face, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
            System.exit(0);
        }
        out.println(ready(face));
        out.flush();
        stopped.await();
    }

    /** Prints the READY line, then answers each scenario line until the input ends. */
    static void serve(FinesseFace face, BufferedReader in, PrintStream out) throws java.io.IOException {
        out.println(ready(face));
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                out.println(face.control().handle(line));
                out.flush();
            }
        }
    }

    /** {@code READY primary=IN_SERVICE,xmpp=up,http=...,https=...,xmpp-port=... [secondary=...]}. */
    static String ready(FinesseFace face) {
        return "READY " + face.control().handle("finesse status").substring(3);
    }
}
