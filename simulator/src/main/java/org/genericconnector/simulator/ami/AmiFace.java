package org.genericconnector.simulator.ami;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;

import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.ScenarioControl;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.ExecutorTimers;
import org.genericconnector.simulator.model.SimulatedTimers;
import org.genericconnector.simulator.model.TimerService;
import org.genericconnector.simulator.sandbox.SandboxAdapter;
import org.genericconnector.simulator.sandbox.SandboxAdapterFactory;
import org.genericconnector.simulator.sandbox.SandboxSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Asterisk face of the simulator: a TCP server speaking AMI as Asterisk 22 does (docs/AMI-FACE.md) over
 * the simulator's contact center. Start it with {@link #start}; drive the outside world (callers, faults)
 * through {@link #control()}; {@link #close()} stops it.
 *
 * <p>Thread-safe. One platform thread accepts connections; each session has a reading and a writing
 * virtual thread; the PBX state is confined to the contact center's lock.
 */
public final class AmiFace implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AmiFace.class);

    private final AmiFaceOptions options;
    private final SandboxAdapter sandbox;
    private final AmiFaults faults = new AmiFaults();
    private final AmiEventBus bus = new AmiEventBus(faults);
    private final AmiPbx pbx;
    private final AmiDispatcher dispatcher;
    private final AmiFaceControl control;
    private final Set<AmiSession> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile Thread acceptThread;
    private volatile int port;

    private AmiFace(AmiFaceOptions options, SandboxAdapter sandbox) {
        this.options = options;
        this.sandbox = sandbox;
        this.pbx = new AmiPbx(sandbox.contactCenter(), bus, faults, options.channelVars());
        this.dispatcher = new AmiDispatcher(options.users(), options.authFailureDelay(), new AmiActions(pbx), bus, Instant.now());
        this.control = new AmiFaceControl(this, pbx, sandbox.scenarioControl().orElseThrow());
    }

    /** Builds the contact center from the options' population and starts listening. */
    public static AmiFace start(AmiFaceOptions options) throws IOException {
        if (options.users().isEmpty()) {
            throw new IllegalArgumentException("the AMI face needs at least one manager user with a secret");
        }
        TimerService timers = options.simulatedTime() ? new SimulatedTimers(Instant.parse("2026-01-05T08:00:00Z"))
                : new ExecutorTimers(InstantSource.system());
        SandboxAdapter sandbox = SandboxAdapterFactory.create(new SandboxSettings(options.population(), 1000, options.seed(),
                options.ringTimeout(), options.simulatedTime()), timers);
        sandbox.start(new QuietContext(timers.clock()));
        AmiFace face = new AmiFace(options, sandbox);
        face.listen(options.port());
        return face;
    }

    /** The port the face listens on (the chosen one when the options said 0). */
    public int port() {
        return port;
    }

    /** The scenario control: the sandbox's language plus the {@code ami ...} fault verbs. */
    public ScenarioControl control() {
        return control;
    }

    public ContactCenter contactCenter() {
        return sandbox.contactCenter();
    }

    /** Starts listening again (after {@code ami shutdown}) on the same port. */
    synchronized void listen(int wanted) throws IOException {
        if (server != null && !server.isClosed()) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new java.net.InetSocketAddress(options.bind(), wanted));
        server = socket;
        port = socket.getLocalPort();
        Thread accept = new Thread(() -> acceptLoop(socket), "ami-accept-" + port);
        accept.setDaemon(true);
        accept.start();
        acceptThread = accept;
        LOG.info("AMI face listening on {}:{}", options.bind().getHostAddress(), port);
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                if (socket.isClosed()) {
                    return;
                }
                LOG.debug("AMI accept failed: {}", e.toString());
                continue;
            }
            open(client);
        }
    }

    /** Starts a session; a client that is already gone only costs its own session. */
    private void open(Socket client) {
        AmiSession session = new AmiSession(client, faults, this::closed);
        sessions.add(session);
        try {
            client.setTcpNoDelay(true);
            session.start(options.authTimeout(), dispatcher);
        } catch (IOException | RuntimeException e) {
            LOG.debug("AMI session could not start: {}", e.toString());
            session.close();
        }
    }

    private void closed(AmiSession session) {
        sessions.remove(session);
        bus.remove(session);
    }

    /** Drops every connection at once, as a broken network does; the face keeps listening. */
    void dropAll() {
        List.copyOf(sessions).forEach(AmiSession::close);
    }

    /**
     * Sends Shutdown to every logged-in session, closes every connection and stops listening. With
     * {@code clear}, first hangs up every call and forgets the queue members, as stopping Asterisk does.
     */
    synchronized void shutdown(boolean restart, boolean clear) {
        if (clear) {
            pbx.step(null, () -> {
                new AmiRestart(pbx).clear();
                return List.of();
            });
        }
        AmiMessage event = AmiMessage.event("Shutdown").add("Privilege", "system,all").add("Shutdown", "Cleanly")
                .add("Restart", restart ? "True" : "False").build();
        for (AmiSession session : List.copyOf(sessions)) {
            if (session.user() != null && session.mask().admits(event)) {
                session.sendThenClose(event);
            } else {
                session.close();
            }
        }
        stopListening();
    }

    private synchronized void stopListening() {
        try {
            if (server != null) {
                server.close();
            }
            if (acceptThread != null) {
                acceptThread.join(2000); // the port is free only once the blocked accept has returned
            }
        } catch (IOException e) {
            LOG.debug("closing the AMI listener: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    AmiFaults faults() {
        return faults;
    }

    AmiEventBus bus() {
        return bus;
    }

    @Override
    public void close() {
        stopListening();
        dropAll();
        sandbox.close();
    }

    /** The sandbox adapter runs without a connector here: its GC events go nowhere. */
    private record QuietContext(InstantSource clock) implements AdapterContext {
        @Override
        public void publish(Event event) {
        }

        @Override
        public void linkStatusChanged(LinkStatus status) {
        }
    }
}
