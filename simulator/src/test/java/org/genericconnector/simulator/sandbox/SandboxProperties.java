package org.genericconnector.simulator.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.CommandRequest;
import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.AgentView;
import org.genericconnector.simulator.model.CallView;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.LegState;
import org.genericconnector.simulator.model.LegView;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random scripts of commands and scenario events on three agents. Whatever happens: a refused command or
 * scenario request changes nothing and sends nothing, and every agent's state agrees with its calls.
 */
class SandboxProperties {
    private static final List<String> AGENTS = List.of("1002", "1003", "1005");

    record Step(int action, int agent, int other) {
    }

    @Property(tries = 300)
    void refusalsChangeNothingAndStatesAgreeWithCalls(@ForAll("scripts") List<Step> script) {
        SandboxHarness gc = new SandboxHarness();
        ContactCenter center = gc.adapter.contactCenter();
        for (Step step : script) {
            Object before = snapshot(center);
            int published = gc.published.size();
            if (!perform(gc, step)) {
                assertThat(snapshot(center)).as("a refused %s changed the contact center", step).isEqualTo(before);
                assertThat(gc.published).as("a refused %s published events", step).hasSize(published);
            }
            AGENTS.forEach(agent -> assertConsistent(center, agent));
        }
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 22),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(40);
    }

    /** Performs one step; false when it was refused. */
    private static boolean perform(SandboxHarness gc, Step step) {
        String agent = AGENTS.get(step.agent());
        String other = step.other() == 3 ? "+4930999" : gc.extension(AGENTS.get(step.other()));
        String dialog = dialogOf(gc.adapter.contactCenter(), agent, step.other());
        return switch (step.action()) {
            case 0 -> command(gc, new Command.Login(agent, "sample-" + agent, gc.extension(agent)));
            case 1 -> command(gc, new Command.MakeReady(agent, agent));
            case 2 -> command(gc, new Command.MakeNotReadyWithReason(agent, "1"));
            case 3 -> command(gc, new Command.Logout(agent, agent));
            case 4 -> gc.control("inbound queue=Sales from=+4930555").startsWith("OK");
            case 5 -> command(gc, new Command.AnswerCall(agent, dialog));
            case 6 -> command(gc, new Command.ReleaseCall(agent, dialog));
            case 7 -> command(gc, new Command.HoldCall(agent, dialog));
            case 8 -> command(gc, new Command.RetrieveCall(agent, dialog));
            case 9 -> command(gc, new Command.MakeCall(agent, other));
            case 10 -> command(gc, new Command.ConsultCall(agent, other, dialog));
            case 11 -> command(gc, new Command.TransferCall(agent, other, dialog));
            case 12 -> command(gc, new Command.ConferenceCall(agent, other, dialog));
            case 13 -> {
                gc.timers.advance(Duration.ofSeconds(10));
                yield true;
            }
            case 14 -> gc.control("caller-hangup dialog=" + dialog).startsWith("OK");
            case 15 -> command(gc, new Command.MakeWorkReady(agent, agent));
            case 16 -> command(gc, new Command.TransferSst(agent, other, dialog));
            case 17 -> command(gc, new Command.UpdateCallVariables(agent, dialog, List.of(new CallVariable("callVariable1", "x"))));
            case 18 -> gc.control("preview agent=" + agent + " campaign=Renewals number=+4940111222").startsWith("OK");
            case 19 -> command(gc, new Command.AcceptOutboundPreview(agent, dialog));
            case 20 -> command(gc, new Command.RejectOutboundPreview(agent, dialog));
            case 21 -> gc.control("ring-no-answer dialog=" + dialog).startsWith("OK");
            default -> gc.control("inbound to-agent=" + agent).startsWith("OK");
        };
    }

    private static String dialogOf(ContactCenter center, String agent, int index) {
        List<CallView> calls = center.liveCallsOf(agent);
        return calls.isEmpty() ? "1" : calls.get(index % calls.size()).id();
    }

    private static boolean command(SandboxHarness gc, Command command) {
        try {
            gc.adapter.execute(new CommandRequest() {
                public Command command() { return command; }
                public void reply(org.genericconnector.protocol.event.Event event) { }
            });
            return true;
        } catch (AcdException e) {
            return false;
        }
    }

    private static Object snapshot(ContactCenter center) {
        return List.of(center.agents(), AGENTS.stream().map(center::liveCallsOf).toList(), center.queues());
    }

    private static void assertConsistent(ContactCenter center, String agentId) {
        AgentView agent = center.agent(agentId).orElseThrow();
        List<LegState> legs = center.liveCallsOf(agentId).stream()
                .map(c -> c.legOf(agentId).map(LegView::state).orElseThrow()).toList();
        String what = agentId + " in " + agent.status() + " with legs " + legs;
        switch (agent.status()) {
            case LOGOUT, READY -> assertThat(legs).as(what).isEmpty();
            case RESERVED -> assertThat(legs).as(what).containsExactly(LegState.ALERTING);
            case RESERVED_OUTBOUND_PREVIEW -> assertThat(legs).as(what).containsExactly(LegState.ACTIVE);
            case TALKING -> assertThat(legs).as(what).isNotEmpty().doesNotContain(LegState.DROPPED, LegState.FAILED);
            case HOLD -> assertThat(legs).as(what).contains(LegState.HELD).doesNotContain(LegState.ACTIVE);
            default -> assertThat(legs).as(what).allMatch(s -> s == LegState.ALERTING);
        }
        assertThat(agent.status()).isNotEqualTo(AgentStatus.LOGIN);
    }
}
