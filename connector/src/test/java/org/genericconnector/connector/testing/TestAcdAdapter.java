package org.genericconnector.connector.testing;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.WrapUpMode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.CommandRequest;
import org.genericconnector.protocol.spi.ScenarioControl;

/**
 * A small but real ACD behind the SPI, for the connector's tests: agents log in with a password
 * starting with "secret", a tiny state machine (NOT_READY, READY, LOGOUT), a link that a test can cut, agents whose
 * commands block until a test lets them go, agents whose commands fail with an unexpected exception (an
 * adapter defect), agents whose GetState is answered by a numbered run of events given alternately as
 * replies and as unsolicited events from another thread, and a scenario control ("STATE agent READY",
 * "LINK DOWN").
 * Thread-safe.
 */
public final class TestAcdAdapter implements AcdAdapter, ScenarioControl {
    /** The adapter the last daemon created, for tests to reach. */
    public static volatile TestAcdAdapter current;

    private final Map<String, AgentState> states = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();
    public final Set<String> released = ConcurrentHashMap.newKeySet();
    private final Set<String> defective = ConcurrentHashMap.newKeySet();
    private final Set<String> interleaving = ConcurrentHashMap.newKeySet();
    private volatile AdapterContext context;
    private volatile LinkStatus link = LinkStatus.IN_SERVICE;

    TestAcdAdapter() {
        current = this;
    }

    @Override
    public void start(AdapterContext ctx) {
        this.context = ctx;
        ctx.linkStatusChanged(link);
    }

    @Override
    public Set<CommandName> supportedCommands() {
        return EnumSet.of(CommandName.CONNECT, CommandName.LOGIN, CommandName.LOGOUT, CommandName.GET_STATE,
                CommandName.MAKE_READY, CommandName.MAKE_NOT_READY);
    }

    /** Makes every command of {@code agentId} wait until {@link #release(String)}. */
    public void hold(String agentId) {
        entered.put(agentId, new CountDownLatch(1));
        gates.put(agentId, new CountDownLatch(1));
    }

    /** Waits until a command of a held agent is waiting at the gate. */
    public void awaitHeld(String agentId) throws InterruptedException {
        if (!entered.get(agentId).await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("no command of " + agentId + " reached the ACD");
        }
    }

    public void release(String agentId) {
        CountDownLatch gate = gates.remove(agentId);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Makes every command of {@code agentId} throw an unexpected RuntimeException until {@link #heal}. */
    public void breakOn(String agentId) {
        defective.add(agentId);
    }

    /**
     * Makes GetState of {@code agentId} answer {@link #INTERLEAVED} State events whose reason code counts from
     * 0: even ones through {@code request.reply} on the mailbox thread, odd ones through
     * {@code AdapterContext.publish} on a thread of their own, each handed over before the next is made.
     */
    public void interleave(String agentId) {
        interleaving.add(agentId);
    }

    public static final int INTERLEAVED = 10;

    public void heal(String agentId) {
        defective.remove(agentId);
    }

    public void setLink(LinkStatus status) {
        link = status;
        context.linkStatusChanged(status);
    }

    @Override
    public void execute(CommandRequest request) throws AcdException {
        Command command = request.command();
        String agent = command.agentId();
        awaitGate(agent);
        if (defective.contains(agent)) {
            throw new IllegalStateException("test adapter defect for agent " + agent);
        }
        if (link == LinkStatus.OUT_OF_SERVICE) {
            throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, "link down");
        }
        switch (command) {
            case Command.Connect c -> {
                if (!c.password().startsWith("secret")) {
                    throw new AcdException(ErrorCode.SUBSCRIPTION_FAILED, AcdException.Kind.PERMANENT, "bad credentials");
                }
            }
            case Command.Login l -> {
                if (l.extension().equals("999")) {
                    throw AcdException.rejected(ErrorCode.WRONG_EXTENSION, "no such extension");
                }
                states.put(agent, AgentState.NOT_READY);
                request.reply(new Event.AgentInfo(agent, "First" + agent, "Last", false, WrapUpMode.OPTIONAL, List.of(),
                        "team1", "First" + agent + " Last", agent));
                request.reply(state(agent));
                request.reply(new Event.DialogStatus(agent, null, null));
            }
            case Command.MakeReady r -> transition(request, agent, AgentState.READY);
            case Command.MakeNotReady r -> transition(request, agent, AgentState.NOT_READY);
            case Command.Logout r -> transition(request, agent, AgentState.LOGOUT);
            case Command.GetState g when interleaving.contains(agent) -> interleaved(request, agent);
            case Command.GetState g -> request.reply(state(agent));
            default -> throw AcdException.rejected(ErrorCode.CF_GENERIC_OPERATION, "not in the test ACD");
        }
    }

    private void transition(CommandRequest request, String agent, AgentState to) throws AcdException {
        AgentState from = states.get(agent);
        if (from == null || from == AgentState.LOGOUT) {
            throw AcdException.rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "not logged in");
        }
        if (from == to) {
            throw AcdException.rejected(ErrorCode.CF_INVALID_OBJECT_STATE, "already " + to);
        }
        states.put(agent, to);
        request.reply(state(agent));
    }

    private void interleaved(CommandRequest request, String agent) {
        for (int i = 0; i < INTERLEAVED; i++) {
            Event.State numbered = new Event.State(agent, states.getOrDefault(agent, AgentState.LOGOUT), String.valueOf(i),
                    Instant.EPOCH, null, "First" + agent + " Last", "2" + agent, "", agent);
            if (i % 2 == 0) {
                request.reply(numbered);
            } else {
                Thread publisher = Thread.ofPlatform().start(() -> context.publish(numbered));
                try {
                    publisher.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void awaitGate(String agent) {
        CountDownLatch gate = gates.get(agent);
        if (gate != null) {
            entered.get(agent).countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Event.State state(String agent) {
        return new Event.State(agent, states.getOrDefault(agent, AgentState.LOGOUT), "", Instant.EPOCH, null,
                "First" + agent + " Last", "2" + agent, "", agent);
    }

    @Override
    public LinkStatus linkStatus() {
        return link;
    }

    @Override
    public List<Event> snapshot(String agentId) {
        return states.containsKey(agentId) ? List.of(state(agentId), new Event.DialogStatus(agentId, null, null)) : List.of();
    }

    @Override
    public void agentReleased(String agentId) {
        released.add(agentId);
    }

    @Override
    public Optional<ScenarioControl> scenarioControl() {
        return Optional.of(this);
    }

    @Override
    public String handle(String request) {
        String[] words = request.split("\\s+");
        return switch (words[0].toUpperCase()) {
            case "STATE" -> {
                states.put(words[1], AgentState.valueOf(words[2]));
                context.publish(state(words[1]));
                yield "OK " + words[1] + " " + words[2];
            }
            case "LINK" -> {
                setLink(words[1].equalsIgnoreCase("UP") ? LinkStatus.IN_SERVICE : LinkStatus.OUT_OF_SERVICE);
                yield "OK link " + link;
            }
            default -> "ERROR unknown request '" + words[0] + "'";
        };
    }

    @Override
    public void close() {
        gates.values().forEach(CountDownLatch::countDown);
    }
}
