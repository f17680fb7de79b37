package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.CommandRequest;
import org.genericconnector.simulator.model.SimulatedTimers;
import org.junit.jupiter.api.Test;

/**
 * Ten Sales agents on their own virtual threads (as the connector's mailboxes run them) take 200 calls that a
 * scenario thread places concurrently. Every call is answered exactly once and each agent sees each of its
 * calls as NewInboundCall, then ACTIVE, then DROP. Waits on events with a timeout, never sleeps.
 */
class ConcurrentAgentsTest implements AdapterContext {
    private static final int CALLS = 200;
    private final Map<String, BlockingQueue<Event>> inbox = new ConcurrentHashMap<>();
    /** Each agent's events in the order the adapter handed them over, replies and published alike: what its client sees. */
    private final Map<String, List<Event>> wire = new ConcurrentHashMap<>();

    @Override
    public void publish(Event event) {
        log(event);
        inbox.computeIfAbsent(event.agentId(), a -> new LinkedBlockingQueue<>()).add(event);
    }

    private void log(Event event) {
        wire.computeIfAbsent(event.agentId(), a -> java.util.Collections.synchronizedList(new ArrayList<>())).add(event);
    }

    @Override
    public void linkStatusChanged(LinkStatus status) {
    }

    @Override
    public InstantSource clock() {
        return InstantSource.system();
    }

    @Test
    void agentsOnTheirOwnThreadsTakeEveryCallOnce() throws Exception {
        SandboxAdapter adapter = SandboxAdapterFactory.create(
                new SandboxSettings(Optional.empty(), 1000, 7L, Duration.ZERO, true), new SimulatedTimers(Instant.EPOCH));
        adapter.start(this);
        List<String> agents = List.of("1002", "1003", "1004", "1005", "1006", "1007", "1008", "1009", "1010", "1011");
        agents.forEach(a -> inbox.put(a, new LinkedBlockingQueue<>()));
        Map<String, String> answeredBy = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> work = new ArrayList<>();
            for (String agent : agents) {
                work.add(threads.submit(() -> {
                    workCalls(adapter, agent, answeredBy);
                    return null;
                }));
            }
            Future<?> callers = threads.submit(() -> {
                for (int i = 0; i < CALLS; i++) {
                    assertThat(adapter.scenarioControl().orElseThrow().handle("inbound queue=Sales")).startsWith("OK dialog=");
                }
            });
            callers.get(60, TimeUnit.SECONDS);
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        }
        assertThat(answeredBy).hasSize(CALLS);
        agents.forEach(agent -> assertCallsInOrder(agent, wire.get(agent)));
    }

    /** Answers, releases and wraps up calls until all calls are taken. */
    private void workCalls(SandboxAdapter adapter, String agent, Map<String, String> answeredBy) throws Exception {
        List<Event> events = new ArrayList<>();
        execute(adapter, new Command.Login(agent, "sample-" + agent, adapter.contactCenter().directory().agent(agent)
                .orElseThrow().extension()), events);
        execute(adapter, new Command.MakeReady(agent, agent), events);
        while (answeredBy.size() < CALLS) {
            Event event = inbox.get(agent).poll(50, TimeUnit.MILLISECONDS);
            if (event != null) {
                events.add(event);
            }
            Optional<Event.NewInboundCall> offer = events.stream().filter(Event.NewInboundCall.class::isInstance)
                    .map(Event.NewInboundCall.class::cast).filter(o -> !answeredBy.containsKey(o.dialogId())).findFirst();
            if (offer.isPresent()) {
                String dialog = offer.get().dialogId();
                assertThat(answeredBy.putIfAbsent(dialog, agent)).as("dialog %s answered twice", dialog).isNull();
                execute(adapter, new Command.AnswerCall(agent, dialog), events);
                execute(adapter, new Command.ReleaseCall(agent, dialog), events);
                execute(adapter, new Command.WrapUp(agent, "Sale", dialog), events);
                if (adapter.contactCenter().agent(agent).orElseThrow().status().name().startsWith("WORK")) {
                    execute(adapter, new Command.MakeReady(agent, agent), events);
                }
            }
        }
    }

    private void execute(SandboxAdapter adapter, Command command, List<Event> events) throws AcdException {
        adapter.execute(new CommandRequest() {
            public Command command() { return command; }
            public void reply(Event event) {
                log(event);
                events.add(event);
            }
        });
    }

    private static void assertCallsInOrder(String agent, List<Event> events) {
        Map<String, List<String>> perDialog = new ConcurrentHashMap<>();
        for (Event e : events) {
            switch (e) {
                case Event.NewInboundCall n -> perDialog.computeIfAbsent(n.dialogId(), d -> new ArrayList<>()).add("offered");
                case Event.InboundCall c -> perDialog.computeIfAbsent(c.dialogId(), d -> new ArrayList<>()).add(c.state().name());
                default -> { }
            }
        }
        perDialog.forEach((dialog, steps) -> assertThat(steps).as("agent %s dialog %s", agent, dialog)
                .containsExactly("offered", "ACTIVE", "DROPPED"));
        assertThat(events.stream().filter(Event.State.class::isInstance).map(e -> ((Event.State) e).state()))
                .as("agent %s never skips RESERVED before TALKING", agent)
                .doesNotContainSequence(AgentState.READY, AgentState.TALKING);
    }
}
