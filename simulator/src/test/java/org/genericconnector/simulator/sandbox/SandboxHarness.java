package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.CommandRequest;
import org.genericconnector.simulator.model.SimulatedTimers;

/**
 * A real SPI client of the sandbox adapter for tests: an {@link AdapterContext} and {@link CommandRequest}s
 * that record what the adapter sends, on simulated time over the default population (conf/sandbox.yaml).
 * Sales team "10": supervisor 1001 (ext 5001), agents 1002..1011 (ext 5002..5011; 1002 OPTIONAL,
 * 1003 REQUIRED, 1004 REQUIRED_WITH_WRAP_UP_DATA, 1005 NOT_ALLOWED wrap-up, 60s timer). Support team "20":
 * supervisor 2001 (ext 6001), agents 2002..2011.
 */
final class SandboxHarness implements AdapterContext {
    static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

    final SimulatedTimers timers = new SimulatedTimers(START);
    final SandboxAdapter adapter;
    final List<Event> published = Collections.synchronizedList(new ArrayList<>());
    final List<LinkStatus> links = new ArrayList<>();

    SandboxHarness() {
        this(1000, Duration.ofSeconds(15), 1L);
    }

    SandboxHarness(int licenseLimit, Duration ringTimeout, long seed) {
        SandboxSettings settings = new SandboxSettings(Optional.empty(), licenseLimit, seed, ringTimeout, true);
        adapter = SandboxAdapterFactory.create(settings, timers);
        adapter.start(this);
    }

    @Override
    public void publish(Event event) {
        published.add(event);
    }

    @Override
    public void linkStatusChanged(LinkStatus status) {
        links.add(status);
    }

    @Override
    public InstantSource clock() {
        return timers;
    }

    /** Executes a command and returns its replies; fails the test if the adapter refuses it. */
    List<Event> send(Command command) {
        Recorded request = new Recorded(command);
        try {
            adapter.execute(request);
        } catch (AcdException e) {
            throw new AssertionError(command + " was refused: " + e.code() + " " + e.getMessage(), e);
        }
        return request.replies;
    }

    /** Executes a command that must fail, and returns its error code; checks it sent no reply. */
    ErrorCode refused(Command command) {
        Recorded request = new Recorded(command);
        AcdException e = catchThrowableOfType(AcdException.class, () -> adapter.execute(request));
        assertThat(e).as("%s must be refused", command).isNotNull();
        assertThat(request.replies).as("replies to a refused command").isEmpty();
        return e.code();
    }

    String control(String line) {
        return adapter.scenarioControl().orElseThrow().handle(line);
    }

    /** Runs a scenario line that must succeed and returns the dialog id it names. */
    String dialog(String line) {
        String reply = control(line);
        assertThat(reply).as(line).startsWith("OK dialog=");
        return reply.substring("OK dialog=".length()).strip();
    }

    /** Published events for one agent, taken (cleared) from the record. */
    List<Event> takePublished(String agentId) {
        synchronized (published) {
            List<Event> mine = published.stream().filter(e -> e.agentId().equals(agentId)).toList();
            published.removeAll(mine);
            return mine;
        }
    }

    List<Event> login(String agentId) {
        String extension = adapter.contactCenter().directory().agent(agentId).orElseThrow().extension();
        send(new Command.Connect(agentId, "client-" + agentId, "sample-" + agentId, false));
        return send(new Command.Login(agentId, "sample-" + agentId, extension));
    }

    void loginReady(String agentId) {
        login(agentId);
        send(new Command.MakeReady(agentId, agentId));
    }

    String extension(String agentId) {
        return adapter.contactCenter().directory().agent(agentId).orElseThrow().extension();
    }

    AgentState state(String agentId) {
        return adapter.contactCenter().agent(agentId).map(a -> AgentState.valueOf(a.status().name())).orElseThrow();
    }

    /** The state events among {@code events}, in order. */
    static List<AgentState> states(List<Event> events) {
        return events.stream().filter(Event.State.class::isInstance).map(e -> ((Event.State) e).state()).toList();
    }

    /** A short, comparable description of each event: "State:TALKING", "InboundCall:ACTIVE", "NewInboundCall". */
    static List<String> kinds(List<Event> events) {
        return events.stream().map(SandboxHarness::kind).toList();
    }

    static String kind(Event event) {
        return switch (event) {
            case Event.State s -> "State:" + s.state();
            case Event.InboundCall c -> "InboundCall:" + c.state();
            case Event.InboundCallFailed c -> "InboundCall:FAILED";
            case Event.ConsultCall c -> "ConsultCall:" + c.state();
            case Event.ConsultCallFailed c -> "ConsultCall:FAILED";
            case Event.DialogState d -> "DialogState:" + d.state();
            default -> event.getClass().getSimpleName();
        };
    }

    static <T extends Event> T only(List<Event> events, Class<T> type, Predicate<T> filter) {
        List<T> matching = events.stream().filter(type::isInstance).map(type::cast).filter(filter).toList();
        assertThat(matching).as("exactly one %s in %s", type.getSimpleName(), kinds(events)).hasSize(1);
        return matching.get(0);
    }

    static Event.InboundCall inbound(List<Event> events, CallState state) {
        return only(events, Event.InboundCall.class, e -> e.state() == state);
    }

    private static final class Recorded implements CommandRequest {
        private final Command command;
        private final List<Event> replies = Collections.synchronizedList(new ArrayList<>());

        Recorded(Command command) {
            this.command = command;
        }

        @Override
        public Command command() {
            return command;
        }

        @Override
        public void reply(Event event) {
            replies.add(event);
        }
    }
}
