package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.CommandRequest;
import org.genericconnector.simulator.ami.AmiFace;
import org.genericconnector.simulator.ami.AmiFaceOptions;
import org.genericconnector.simulator.ami.AmiUser;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The adapter against the simulator's AMI face over loopback TCP: the face on a free port with simulated time
 * (nothing rings out unless the test says {@code advance}), the adapter on a manual clock (action timeouts,
 * Pings, reconnect delays and wrap-up run only when the test moves it), the face's population as the agents
 * file (src/test/resources/adapter/face-agents.yaml). Waits are for events on the socket, bounded, never sleeps.
 */
final class FaceFixture implements BeforeEachCallback, AfterEachCallback {
    static final String USER = "cti";
    static final String SECRET = "face-secret";
    static final Duration WAIT = Duration.ofSeconds(10);

    final TestClock clock = new TestClock();
    final Recorder context = new Recorder(clock);
    private final Map<String, String> extra = new HashMap<>();
    AmiFace face;
    AsteriskAdapter adapter;

    FaceFixture setting(String key, String value) {
        extra.put(key, value);
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext ctx) throws Exception {
        face = AmiFace.start(AmiFaceOptions.defaults().withPort(0).withSimulatedTime(true)
                .withAuthFailureDelay(Duration.ofMillis(100)).withUsers(List.of(AmiUser.fullAccess(USER, SECRET))));
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", Integer.toString(face.port()),
                "username", USER, "secret", SECRET, "auth-type", "md5", "answer-strategy", "notify", "hold-strategy", "notify",
                "call-variables", "callVariable1:GC_CV1,callVariable2:GC_CV2,user.crm.id:GC_CRM_ID"));
        settings.putAll(extra);
        AsteriskSettings s = AsteriskSettings.from(new AdapterConfig(settings, Path.of(".")));
        AgentDirectory directory = AgentDirectory.load(getClass().getResourceAsStream("/adapter/face-agents.yaml"), "face-agents.yaml");
        adapter = AsteriskAdapterFactory.create(s, directory, clock, clock);
        adapter.start(context);
        context.awaitLink(LinkStatus.IN_SERVICE);
    }

    @Override
    public void afterEach(ExtensionContext ctx) {
        if (adapter != null) {
            adapter.close();
        }
        if (face != null) {
            face.close();
        }
    }

    /** A scenario line for the face; fails unless OK. Returns the reply. */
    String control(String request) {
        String reply = face.control().handle(request);
        assertThat(reply).as(request).startsWith("OK");
        return reply;
    }

    String inbound(String queue, String from) {
        return control("inbound queue=" + queue + " from=" + from).replace("OK dialog=", "").strip();
    }

    /** Runs a command and returns its reply events. */
    List<Event> run(Command command) throws AcdException {
        Request r = new Request(command, context);
        adapter.execute(r);
        return r.replies;
    }

    /** Runs a command that must fail, and returns its error code. */
    ErrorCode fails(Command command) {
        AcdException e = catchThrowableOfType(AcdException.class, () -> run(command));
        assertThat(e).as(command + " fails").isNotNull();
        return e.code();
    }

    /** Logs an agent in and makes it READY (or leaves it NOT_READY). */
    void login(String id, String extension, boolean ready) throws AcdException {
        run(new Command.Login(id, "pw-" + id, extension));
        if (ready) {
            run(new Command.MakeReady(id, id));
        }
    }

    static final class Request implements CommandRequest {
        final Command command;
        final List<Event> replies = new ArrayList<>();
        private final Recorder client;

        Request(Command command, Recorder client) {
            this.command = command;
            this.client = client;
        }

        @Override
        public Command command() {
            return command;
        }

        @Override
        public synchronized void reply(Event event) {
            replies.add(event);
            client.seen(event);
        }
    }

    /**
     * The connector's side: link changes, and every event a client would see, published or sent as a command's
     * reply, in the order they were handed over; with bounded waits.
     */
    static final class Recorder implements AdapterContext {
        private final InstantSource clock;
        private final List<Event> published = new ArrayList<>();

        synchronized void seen(Event event) {
            published.add(event);
            notifyAll();
        }
        private final List<LinkStatus> links = new ArrayList<>();

        Recorder(InstantSource clock) {
            this.clock = clock;
        }

        @Override
        public synchronized void publish(Event event) {
            published.add(event);
            notifyAll();
        }

        @Override
        public synchronized void linkStatusChanged(LinkStatus status) {
            links.add(status);
            notifyAll();
        }

        @Override
        public InstantSource clock() {
            return clock;
        }

        synchronized List<LinkStatus> links() {
            return List.copyOf(links);
        }

        synchronized List<Event> published() {
            return List.copyOf(published);
        }

        synchronized List<String> brief(String agentId) {
            return published.stream().filter(e -> e.agentId().equals(agentId)).map(ModelHarness::brief).toList();
        }

        synchronized void clear() {
            published.clear();
        }

        synchronized void awaitLink(LinkStatus status) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (links.isEmpty() || links.getLast() != status) {
                long left = end - System.nanoTime();
                assertThat(left).as("link " + status + " within " + WAIT + "; links " + links).isPositive();
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }

        /**
         * Waits until {@code condition} holds, re-checking whenever an event or link change arrives (and every 20 ms,
         * for model changes that publish nothing, such as a monitor call coming up); bounded by {@link #WAIT}.
         */
        void awaitCondition(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            // the condition is checked outside this recorder's lock: it may query the model, which publishes here
            // under its own lock (checking under both would deadlock with the event thread)
            while (!condition.getAsBoolean()) {
                long left = end - System.nanoTime();
                assertThat(left).as(what + " within " + WAIT).isPositive();
                synchronized (this) {
                    wait(Math.min(20, TimeUnit.NANOSECONDS.toMillis(left) + 1));
                }
            }
        }

        /** Waits until the agent's published events (brief form) contain {@code line}; returns them. */
        synchronized List<String> await(String agentId, String line) throws InterruptedException {
            return awaitMatch(agentId, l -> l.equals(line), line);
        }

        synchronized List<String> awaitMatch(String agentId, Predicate<String> p, String what) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (brief(agentId).stream().noneMatch(p)) {
                long left = end - System.nanoTime();
                assertThat(left).as("agent " + agentId + " gets " + what + " within " + WAIT + "; got " + brief(agentId)).isPositive();
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
            return brief(agentId);
        }
    }
}
