package org.genericconnector.simulator.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the AMI face as a process (gcctl wraps it):
 * <pre>
 * java -cp simulator.jar:... org.genericconnector.simulator.ami.AmiFaceMain --port 5038 --user cti [--secret S | env AMI_SECRET]
 *      [--bind 127.0.0.1] [--population conf/sandbox.yaml] [--seed 1] [--ring-timeout 15s] [--simulated-time]
 *      [--control-port 5039] [--readonly-user NAME] [--channelvars GC_CV1,GC_CV2]
 * </pre>
 * Scenario requests (docs/SANDBOX.md, plus the {@code ami ...} faults) are read one per line from standard
 * input, and from {@code --control-port} connections if given (loopback only); each reply is one line.
 * Exit codes: 0 normal end, 2 bad options, 1 failure to start.
 */
public final class AmiFaceMain {
    private AmiFaceMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Options parsed;
        try {
            parsed = parse(args, env);
        } catch (IllegalArgumentException e) {
            System.err.println("AmiFaceMain: " + e.getMessage());
            System.err.println("usage: AmiFaceMain [--port 5038] [--bind 127.0.0.1] --user NAME (--secret S | env AMI_SECRET)"
                    + " [--population FILE] [--seed N] [--ring-timeout 15s] [--simulated-time] [--control-port N] [--channelvars A,B]");
            System.exit(2);
            return;
        }
        AmiFace face;
        try {
            face = AmiFace.start(parsed.options());
        } catch (IOException | RuntimeException e) {
            System.err.println("AmiFaceMain: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(face::close));
        System.out.println("AMI face listening on " + parsed.options().bind().getHostAddress() + ":" + face.port());
        if (parsed.controlPort() >= 0) {
            serveControl(face, parsed.controlPort());
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                System.out.println(face.control().handle(line));
            }
        }
        Thread.currentThread().join(); // stdin closed: keep serving until killed
    }

    record Options(AmiFaceOptions options, int controlPort) {
    }

    static Options parse(String[] args, Map<String, String> env) {
        AmiFaceOptions options = AmiFaceOptions.defaults();
        String user = "cti";
        String secret = env.get("AMI_SECRET");
        List<String> readOnly = new ArrayList<>();
        int controlPort = -1;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--simulated-time")) {
                options = options.withSimulatedTime(true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--port" -> options = options.withPort(number(name, value));
                case "--bind" -> options = options.withBind(address(value));
                case "--user" -> user = value;
                case "--secret" -> secret = value;
                case "--readonly-user" -> readOnly.add(value);
                case "--population" -> options = options.withPopulation(Optional.of(Path.of(value)));
                case "--seed" -> options = options.withSeed(number(name, value));
                case "--ring-timeout" -> options = options.withRingTimeout(AmiFaceControl.duration(value));
                case "--control-port" -> controlPort = number(name, value);
                case "--channelvars" -> options = options.withChannelVars(List.of(value.split(",")));
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("no manager secret: give --secret or set AMI_SECRET");
        }
        List<AmiUser> users = new ArrayList<>(List.of(AmiUser.fullAccess(user, secret)));
        for (String name : readOnly) {
            users.add(new AmiUser(name, secret, java.util.Set.of("reporting")));
        }
        return new Options(options.withUsers(users), controlPort);
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a number, not '" + value + "'");
        }
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("bad --bind address '" + value + "'");
        }
    }

    /** One scenario request per line, one reply line each, on a loopback TCP port. */
    private static void serveControl(AmiFace face, int port) throws IOException {
        ServerSocket server = new ServerSocket(port, 10, InetAddress.getLoopbackAddress());
        System.out.println("scenario control on 127.0.0.1:" + server.getLocalPort());
        Thread.ofPlatform().daemon().name("ami-control").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Thread.ofVirtual().start(() -> controlSession(face, client));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static void controlSession(AmiFace face, Socket client) {
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.println(face.control().handle(line));
            }
        } catch (IOException ignored) {
            // the controller went away
        }
    }
}
