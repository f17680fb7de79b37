package org.genericconnector.asterisk.adapter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.genericconnector.asterisk.ami.AmiKind;
import org.genericconnector.asterisk.ami.AmiMessage;
import org.genericconnector.asterisk.ami.Captures;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventEncoder;
import org.genericconnector.protocol.spi.AdapterConfig;

/** The model on the test directory, its events collected, its wrap-up pauses and hang-ups recorded; fed from captures. */
final class ModelHarness {
    final TestClock clock = new TestClock();
    final List<Event> events = new ArrayList<>();
    final List<String> pauses = new ArrayList<>();
    final List<String> hangups = new ArrayList<>();
    final AsteriskModel model;

    ModelHarness() {
        this(Map.of("call-variables", "callVariable1:CTI_ACCOUNT,callVariable2:GC_CV2"));
    }

    ModelHarness(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("host", "127.0.0.1", "username", "cti", "secret", "s"));
        settings.putAll(extra);
        AsteriskSettings s = AsteriskSettings.from(new AdapterConfig(settings, Path.of(".")));
        model = new AsteriskModel(directory(), s, clock, clock, events::add);
        model.setEffects(new AsteriskModel.Effects() {
            @Override
            public void pause(AgentDirectory.Agent agent, boolean paused, String reason) {
                pauses.add(agent.id() + (paused ? " pause " : " unpause ") + reason);
            }

            @Override
            public void hangup(String channel, String why) {
                hangups.add(channel);
            }
        });
    }

    static AgentDirectory directory() {
        return AgentDirectory.load(ModelHarness.class.getResourceAsStream("/adapter/agents.yaml"), "agents.yaml");
    }

    /** Feeds every event Asterisk sent on a connection of a capture. */
    ModelHarness feed(String capture, String connection) {
        return feed(capture, connection, m -> { });
    }

    /**
     * Feeds the events of a capture; {@code onResponse} sees every response (the answers to the capture's own
     * actions), so a test can do there what the adapter does when Asterisk confirms a command.
     */
    ModelHarness feed(String capture, String connection, java.util.function.Consumer<AmiMessage> onResponse) {
        for (AmiMessage m : Captures.serverMessages(capture, connection)) {
            if (m.kind() == AmiKind.EVENT) {
                model.onEvent(m);
            } else {
                onResponse.accept(m);
            }
        }
        return this;
    }

    /** Feeds every connection of a capture in turn. */
    ModelHarness feedAll(String capture) {
        Captures.connections(capture).forEach(c -> feed(capture, c));
        return this;
    }

    /** The events for one agent, on the wire (without the State's times), one per line. */
    List<String> wire(String agentId) {
        return events.stream().filter(e -> e.agentId().equals(agentId)).map(ModelHarness::line).toList();
    }

    /** The wire form, with the State's time fields cut off after the reason (times are the test clock's). */
    static String line(Event e) {
        return EventEncoder.encode(e);
    }

    /** Short forms: "State NOT_READY -1", "NewInboundCall <dialog> <from> <type>", "InboundCall <state> <dialog>". */
    List<String> brief(String agentId) {
        return events.stream().filter(e -> e.agentId().equals(agentId)).map(ModelHarness::brief).toList();
    }

    static String brief(Event e) {
        return switch (e) {
            case Event.State s -> "State " + s.state() + (s.reasonCodeId().isEmpty() ? "" : " " + s.reasonCodeId())
                    + (s.pendingState() == null ? "" : " pending " + s.pendingState());
            case Event.NewInboundCall n -> "NewInboundCall " + n.dialogId() + " from " + n.fromAddress() + " " + n.callType()
                    + " vars " + n.callVariables();
            case Event.InboundCall i -> "InboundCall " + i.state() + " " + i.dialogId() + " vars " + i.callVariables();
            case Event.InboundCallFailed f -> "InboundCallFailed " + f.dialogId() + " " + f.failureCause();
            case Event.ConsultCall c -> "ConsultCall " + c.state() + " " + c.associatedDialogId();
            case Event.TeamMemberStateChanged t -> "TeamMemberStateChanged " + t.memberId() + " " + t.state();
            case Event.ConferenceParticipants c -> "ConferenceParticipants " + c.extensions();
            case Event.PrintStatusBar p -> "PrintStatusBar " + p.message();
            default -> e.type();
        };
    }
}
